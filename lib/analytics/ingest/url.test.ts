import { describe, expect, test } from "vitest"
import { cleanPath, referrerHost, utmFromSearch } from "./url"

describe("referrerHost", () => {
  test("keeps only the host, lower-case, without www.", () => {
    expect(referrerHost("https://www.Google.com/search?q=my+email%40example.com")).toBe("google.com")
    expect(referrerHost("http://news.ycombinator.com/item?id=1")).toBe("news.ycombinator.com")
    expect(referrerHost("android-app://com.google.android.gm/")).toBe("com.google.android.gm")
  })

  test("a bare host is read as one", () => {
    expect(referrerHost("duckduckgo.com")).toBe("duckduckgo.com")
  })

  test("our own host, nothing, or not a web address is null", () => {
    expect(referrerHost("https://aicopilotvibe.test/pricing", ["aicopilotvibe.test"])).toBeNull()
    expect(referrerHost("https://www.aicopilotvibe.test/", ["aicopilotvibe.test:3000"])).toBeNull()
    expect(referrerHost("")).toBeNull()
    expect(referrerHost(undefined)).toBeNull()
    expect(referrerHost("javascript:alert(1)")).toBeNull()
    expect(referrerHost("not a url at all")).toBeNull()
  })
})

describe("utmFromSearch", () => {
  test("reads the five utm_ parameters, trimmed", () => {
    expect(
      utmFromSearch(
        "?utm_source=newsletter&utm_medium=email&utm_campaign=launch%202026&utm_term=+ai+&utm_content=hero&x=1",
      ),
    ).toEqual({
      source: "newsletter",
      medium: "email",
      campaign: "launch 2026",
      term: "ai",
      content: "hero",
    })
  })

  test("none, or only empty ones, is undefined", () => {
    expect(utmFromSearch("?page=2")).toBeUndefined()
    expect(utmFromSearch("utm_source=")).toBeUndefined()
    expect(utmFromSearch("")).toBeUndefined()
  })

  test("long values are cut to 200 characters", () => {
    expect(utmFromSearch(`utm_source=${"a".repeat(300)}`)?.source).toHaveLength(200)
  })
})

test("cleanPath drops the query string and fragment", () => {
  expect(cleanPath("/account?email=a@b.example#top")).toBe("/account")
  expect(cleanPath("/pricing")).toBe("/pricing")
  expect(cleanPath("?x=1")).toBeNull()
  expect(cleanPath(undefined)).toBeNull()
})
