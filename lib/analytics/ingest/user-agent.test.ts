import { expect, test } from "vitest"
import { parseUserAgent } from "./user-agent"

test("desktop Chrome on Windows: no device type from the parser means desktop", () => {
  expect(
    parseUserAgent(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    ),
  ).toEqual({
    bot: false,
    browser: "Chrome",
    os: "Windows",
    device: "desktop",
  })
})

test("Firefox on a Mac", () => {
  expect(
    parseUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:125.0) Gecko/20100101 Firefox/125.0"),
  ).toEqual({ bot: false, browser: "Firefox", os: "macOS", device: "desktop" })
})

test("Safari on an iPhone and on an iPad", () => {
  expect(
    parseUserAgent(
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    ),
  ).toEqual({
    bot: false,
    browser: "Mobile Safari",
    os: "iOS",
    device: "mobile",
  })
  expect(
    parseUserAgent(
      "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
    ).device,
  ).toBe("tablet")
})

test("Chrome on an Android phone", () => {
  expect(
    parseUserAgent(
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
    ),
  ).toEqual({
    bot: false,
    browser: "Mobile Chrome",
    os: "Android",
    device: "mobile",
  })
})

test("crawlers, scripts and an empty agent are bots", () => {
  expect(parseUserAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").bot).toBe(true)
  expect(parseUserAgent("curl/8.5.0").bot).toBe(true)
  expect(parseUserAgent("").bot).toBe(true)
  expect(parseUserAgent(undefined).bot).toBe(true)
})
