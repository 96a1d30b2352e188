import { afterEach, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { isJson, refuseCrossSiteWrite } from "./cross-site"

const ORIGIN = "https://app.example.com"
process.env.NEXTAUTH_URL = `${ORIGIN}/`
afterEach(() => resetEnvCache())

// As a browser sends it: the body's length in Content-Length.
const post = (headers: Record<string, string>, body: string | null = "{}") =>
  new Request(`${ORIGIN}/api/account/profile`, {
    method: "PATCH",
    headers: body === null ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
    body,
  })
const refusal = (request: Request) => {
  try {
    refuseCrossSiteWrite(request)
    return "allowed"
  } catch (error) {
    return (error as { code: string }).code
  }
}

test("regression (CSRF): a cookie-bearing write from another site is refused, by Sec-Fetch-Site or else by Origin", () => {
  const cookie = { cookie: "next-auth.session-token=abc", "content-type": "application/json" }
  expect(refusal(post({ ...cookie, "sec-fetch-site": "cross-site" }))).toBe("forbidden")
  expect(refusal(post({ ...cookie, "sec-fetch-site": "same-site" }))).toBe("forbidden")
  expect(refusal(post({ ...cookie, origin: "https://evil.example" }))).toBe("forbidden")
  expect(refusal(post({ ...cookie, origin: "null" }))).toBe("forbidden")
  expect(refusal(post({ ...cookie, "sec-fetch-site": "same-origin", origin: ORIGIN }))).toBe("allowed")
  expect(refusal(post({ ...cookie, origin: ORIGIN }))).toBe("allowed")
})

test("regression (CSRF): a cookie-bearing write must send JSON, which a cross-site form cannot", () => {
  const cookie = { cookie: "next-auth.session-token=abc", "sec-fetch-site": "same-origin" }
  expect(refusal(post({ ...cookie, "content-type": "text/plain" }))).toBe("unsupported_media_type")
  expect(refusal(post({ ...cookie, "content-type": "application/x-www-form-urlencoded" }, "a=1"))).toBe(
    "unsupported_media_type",
  )
  expect(refusal(post({ ...cookie, "content-type": "application/json; charset=utf-8" }))).toBe("allowed")
  expect(refusal(post(cookie, null))).toBe("allowed") // nothing sent, nothing to parse
  // Next hands a DELETE an empty body stream: no Content-Length, nothing to refuse.
  expect(refusal(new Request(`${ORIGIN}/api/account/sessions`, { method: "DELETE", headers: cookie, body: "" }))).toBe(
    "allowed",
  )
  expect(refusal(post({ ...cookie, "transfer-encoding": "chunked", "content-type": "text/plain" }, null))).toBe(
    "unsupported_media_type",
  )
})

test("reads, and requests with no cookie or from no browser, are not checked", () => {
  expect(refusal(new Request(`${ORIGIN}/api/x`, { headers: { cookie: "a=b", "sec-fetch-site": "cross-site" } }))).toBe(
    "allowed",
  )
  expect(refusal(post({ "sec-fetch-site": "cross-site", "content-type": "text/plain" }))).toBe("allowed")
  expect(refusal(post({ cookie: "a=b", "content-type": "application/json" }))).toBe("allowed")
})

test("JSON media types", () => {
  expect(isJson("application/json")).toBe(true)
  expect(isJson("Application/JSON ; charset=UTF-8")).toBe(true)
  expect(isJson("application/merge-patch+json")).toBe(true)
  expect(isJson("text/plain; note=json")).toBe(false)
  expect(isJson(null)).toBe(false)
})
