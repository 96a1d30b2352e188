import { expect, test } from "vitest"
import { anonymousVisitorId, consentedVisitorId, readCookie, userVisitorId } from "./visitor"

const input = { salt: "salt-a", ip: "203.0.113.7", userAgent: "Mozilla/5.0 test", host: "example.com" }

test("the anonymous id is the first 16 bytes of sha256(salt, ip, agent, host), base64url", () => {
  // sha256("salt-a\n203.0.113.7\nMozilla/5.0 test\nexample.com") = 140e41490b0beca873136dd7e49ccc2b 6f70…
  expect(anonymousVisitorId(input)).toBe(Buffer.from("140e41490b0beca873136dd7e49ccc2b", "hex").toString("base64url"))
  expect(anonymousVisitorId(input)).toBe("FA5BSQsL7KhzE23X5JzMKw")
})

test("another day's salt, address, agent or site is another visitor", () => {
  const base = anonymousVisitorId(input)
  expect(anonymousVisitorId({ ...input, salt: "salt-b" })).toBe("ifKTLezKq0zP0hwNZwM_qQ")
  expect(anonymousVisitorId({ ...input, ip: "203.0.113.8" })).not.toBe(base)
  expect(anonymousVisitorId({ ...input, userAgent: "Mozilla/5.0 other" })).not.toBe(base)
  expect(anonymousVisitorId({ ...input, host: "example.org" })).not.toBe(base)
})

test("the consented id needs both cookies and a well-formed id", () => {
  expect(consentedVisitorId("acv_consent=granted; acv_vid=AbCdEfGhIjKlMnOpQrStUv")).toBe("AbCdEfGhIjKlMnOpQrStUv")
  expect(consentedVisitorId("other=1; acv_vid=AbCdEfGhIjKlMnOpQrStUv; acv_consent=granted")).toBe(
    "AbCdEfGhIjKlMnOpQrStUv",
  )
  expect(consentedVisitorId("acv_vid=AbCdEfGhIjKlMnOpQrStUv")).toBeNull()
  expect(consentedVisitorId("acv_consent=denied; acv_vid=AbCdEfGhIjKlMnOpQrStUv")).toBeNull()
  expect(consentedVisitorId("acv_consent=granted; acv_vid=short")).toBeNull()
  expect(consentedVisitorId("acv_consent=granted; acv_vid=has spaces in it and more")).toBeNull()
  expect(consentedVisitorId(null)).toBeNull()
})

test("cookies are read by exact name", () => {
  expect(readCookie("xacv_vid=1; acv_vid=2", "acv_vid")).toBe("2")
  expect(readCookie("a=%E0%A4%A", "a")).toBeUndefined()
})

test("a server event without a browser belongs to its user", () => {
  expect(userVisitorId("user_1")).toBe("u:user_1")
})
