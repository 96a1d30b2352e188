import { expect, test } from "vitest"
import { ReportGate } from "./report-gate"

test("each distinct error passes once per page load", () => {
  const gate = new ReportGate(10)
  expect(gate.allow("TypeError:x", 0)).toBe(true)
  expect(gate.allow("TypeError:x", 1_000)).toBe(false)
  expect(gate.allow("TypeError:x", 120_000)).toBe(false)
  expect(gate.allow("TypeError:y", 1_000)).toBe(true)
})

test("at most three a minute: the fourth waits until the first is a minute old", () => {
  const gate = new ReportGate(3)
  expect(gate.allow("a", 0)).toBe(true)
  expect(gate.allow("b", 10_000)).toBe(true)
  expect(gate.allow("c", 20_000)).toBe(true)
  expect(gate.allow("d", 59_999)).toBe(false)
  // A refused error was not marked seen, so it may pass later.
  expect(gate.allow("d", 60_000)).toBe(true)
  expect(gate.allow("e", 60_001)).toBe(false)
  expect(gate.allow("e", 70_000)).toBe(true)
})
