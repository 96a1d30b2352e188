import { expect, test } from "vitest"
import { eventTime, scrubAddress } from "./ingest"
import { saltDayFor, utcDay } from "./salts"
import type { EventRow } from "./store"

const row: EventRow = {
  at: new Date("2026-11-26T10:00:00Z"),
  name: "page_view",
  visitorId: "v",
  consented: false,
  sessionId: null,
  userId: null,
  path: "/p",
  referrer: "example.com",
  utmSource: "news",
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  country: "FR",
  browser: "Firefox",
  os: "Linux",
  device: "desktop",
  screen: "1x1",
  props: { plan: "annual" },
}

test("the sender's address is removed wherever it appears; other values stay", () => {
  const ip = "198.51.100.23"
  const scrubbed = scrubAddress(
    {
      ...row,
      path: `/lookup/${ip}`,
      utmTerm: `from ${ip}`,
      props: { ip, where: `addr=${ip}`, $ip_address: "x", ipAddress: "y", plan: "annual" },
    },
    ip,
  )
  expect(scrubbed).toEqual({ ...row, path: null, utmTerm: null, props: { plan: "annual" } })
  expect(scrubAddress({ ...row, props: { ip } }, ip).props).toBeNull()
  expect(scrubAddress(row, null)).toBe(row)
})

test("event time is the client's, but never later than now", () => {
  const now = new Date("2026-11-26T12:00:00Z")
  expect(eventTime("2026-11-26T11:59:00Z", now)).toEqual(new Date("2026-11-26T11:59:00Z"))
  expect(eventTime("2026-11-26T13:00:00+01:00", now)).toEqual(new Date("2026-11-26T12:00:00Z"))
  expect(eventTime("2026-11-27T00:00:00Z", now)).toEqual(now)
  expect(eventTime(undefined, now)).toBe(now)
})

test("an event is hashed under its own day's salt, but never before yesterday or after today", () => {
  const now = new Date("2026-11-26T00:05:00Z")
  expect(saltDayFor(new Date("2026-11-26T00:01:00Z"), now)).toBe("2026-11-26")
  expect(saltDayFor(new Date("2026-11-25T23:59:00Z"), now)).toBe("2026-11-25")
  expect(saltDayFor(new Date("2026-11-20T12:00:00Z"), now)).toBe("2026-11-25")
  expect(saltDayFor(new Date("2026-11-27T01:00:00Z"), now)).toBe("2026-11-26")
})

test("a UTC day is named as toISOString names it, before 1970 and at the last millisecond of a day too", () => {
  for (const at of [
    "2026-11-26T00:00:00.000Z",
    "2026-11-26T23:59:59.999Z",
    "2024-02-29T12:00:00Z",
    "1969-12-31T23:59:59.999Z",
    "1900-03-01T00:00:00Z",
  ]) {
    expect(utcDay(new Date(at))).toBe(new Date(at).toISOString().slice(0, 10))
  }
})
