import { expect, test } from "vitest"
import { formatPercent, formatSigned, isClosedStatus } from "./format"

test("signed figures: plus, a true minus, zero without a sign, nothing as a dash", () => {
  expect(formatSigned(27.8)).toBe("+27.8")
  expect(formatSigned(-12.5)).toBe("\u221212.5")
  expect(formatSigned(0)).toBe("0")
  expect(formatSigned(null)).toBe("—")
  expect(formatSigned(4.5, " pts")).toBe("+4.5 pts")
  expect(formatPercent(76.2)).toBe("76.2 %")
  expect(formatPercent(null)).toBe("—")
})

test("shipped and declined requests are closed", () => {
  expect(["OPEN", "PLANNED", "IN_PROGRESS", "SHIPPED", "DECLINED"].map((s) => isClosedStatus(s as never))).toEqual([
    false,
    false,
    false,
    true,
    true,
  ])
})
