import { expect, test } from "vitest"
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatIsoDay,
  formatIsoMinute,
  formatLongDate,
  formatLongDateTime,
  formatMonth,
} from "./dates"

const afternoon = new Date("2026-03-05T14:05:09Z")
// 23:30 UTC on 30 September is already 1 October in Tokyo (UTC+9).
const lateSeptember = new Date("2026-09-30T23:30:00Z")
const midnight = new Date("2026-12-31T00:04:07Z")

test("days and months read in UTC unless a zone is named", () => {
  expect(formatDate(afternoon)).toBe("5 Mar 2026")
  expect(formatDate(lateSeptember)).toBe("30 Sep 2026")
  expect(formatDate(lateSeptember, { zone: "Asia/Tokyo" })).toBe("1 Oct 2026")
  expect(formatDayMonth(afternoon)).toBe("5 Mar")
  expect(formatMonth(afternoon)).toBe("Mar 2026")
  expect(formatMonth(afternoon, { long: true })).toBe("March 2026")
  expect(formatMonth(lateSeptember, { long: true, zone: "Asia/Tokyo" })).toBe("October 2026")
})

test("one spelling of short months everywhere: September is Sep", () => {
  expect(formatDate(lateSeptember)).toBe("30 Sep 2026")
  expect(formatDayMonth(lateSeptember)).toBe("30 Sep")
  expect(formatMonth(lateSeptember)).toBe("Sep 2026")
  expect(formatMonth(lateSeptember, { long: true })).toBe("September 2026")
})

test("clocks are 24-hour, to the hour, minute or second, with the zone when asked", () => {
  expect(formatClock(afternoon)).toBe("14:05")
  expect(formatClock(afternoon, { to: "hour" })).toBe("14:00")
  expect(formatClock(afternoon, { to: "second" })).toBe("14:05:09")
  expect(formatClock(afternoon, { to: "second", showZone: true })).toBe("14:05:09 UTC")
  expect(formatClock(midnight)).toBe("00:04")
  expect(formatClock(afternoon, { zone: "Europe/Berlin", showZone: true })).toBe("15:05 Europe/Berlin")
})

test("date and time together", () => {
  expect(formatDateTime(afternoon)).toBe("5 Mar 2026, 14:05")
  expect(formatDateTime(afternoon, { to: "second" })).toBe("5 Mar 2026, 14:05:09")
  expect(formatDateTime(afternoon, { year: false })).toBe("5 Mar, 14:05")
  expect(formatDateTime(afternoon, { year: false, to: "hour" })).toBe("5 Mar, 14:00")
  expect(formatDateTime(midnight, { to: "second" })).toBe("31 Dec 2026, 00:04:07")
  expect(formatDateTime(lateSeptember, { showZone: true })).toBe("30 Sep 2026, 23:30 UTC")
  expect(formatDateTime(lateSeptember, { zone: "Asia/Tokyo" })).toBe("1 Oct 2026, 08:30")
})

test("long dates for subscribers, ISO days for staff notes", () => {
  expect(formatLongDate(afternoon)).toBe("March 5, 2026")
  expect(formatLongDate(lateSeptember)).toBe("September 30, 2026")
  expect(formatLongDate(lateSeptember, { zone: "Asia/Tokyo" })).toBe("October 1, 2026")
  expect(formatLongDateTime(afternoon, { showZone: true })).toBe("March 5, 2026 at 2:05 PM UTC")
  expect(formatLongDateTime(midnight)).toBe("December 31, 2026 at 12:04 AM")
  expect(formatIsoDay(afternoon)).toBe("2026-03-05")
  expect(formatIsoDay(lateSeptember, { zone: "Asia/Tokyo" })).toBe("2026-10-01")
  expect(formatIsoMinute(afternoon)).toBe("2026-03-05 14:05")
  expect(formatIsoMinute(midnight)).toBe("2026-12-31 00:04")
})
