import { expect, test } from "vitest"
import { describeDeadline } from "./countdown"

const now = new Date("2026-05-01T12:00:00Z")
const at = (iso: string) => new Date(iso)

test("a deadline hours away is neutral; under two hours it is amber", () => {
  // 17:12:00 − 12:00:00 = 5 h 12 m
  expect(describeDeadline(at("2026-05-01T17:12:00Z"), now)).toEqual({
    label: "due in 5h 12m",
    tone: "normal",
    overdue: false,
  })
  // exactly 2 h left is not "under 2 h"
  expect(describeDeadline(at("2026-05-01T14:00:00Z"), now)).toEqual({
    label: "due in 2h 0m",
    tone: "normal",
    overdue: false,
  })
  // 13:59:59 − 12:00:00 = 1 h 59 m 59 s
  expect(describeDeadline(at("2026-05-01T13:59:59Z"), now)).toEqual({
    label: "due in 1h 59m",
    tone: "soon",
    overdue: false,
  })
  // 12:00:30 − 12:00:00 = 30 s
  expect(describeDeadline(at("2026-05-01T12:00:30Z"), now)).toEqual({
    label: "due in 30s",
    tone: "soon",
    overdue: false,
  })
})

test("due exactly now is not overdue yet; a millisecond later it is", () => {
  expect(describeDeadline(at("2026-05-01T12:00:00Z"), now)).toEqual({ label: "due now", tone: "soon", overdue: false })
  expect(describeDeadline(at("2026-05-01T11:59:59.999Z"), now)).toEqual({
    label: "overdue by 0s",
    tone: "overdue",
    overdue: true,
  })
})

test("past the deadline it counts up, in red", () => {
  // 12:00:00 − 10:57:00 = 1 h 3 m
  expect(describeDeadline(at("2026-05-01T10:57:00Z"), now)).toEqual({
    label: "overdue by 1h 3m",
    tone: "overdue",
    overdue: true,
  })
  // 12:00 on 1 May − 07:00 on 28 April = 3 d 5 h
  expect(describeDeadline(at("2026-04-28T07:00:00Z"), now)).toEqual({
    label: "overdue by 3d 5h",
    tone: "overdue",
    overdue: true,
  })
})
