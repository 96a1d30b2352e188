import { expect, test } from "vitest"
import { formatMoney } from "./money"

test("formatMoney formats cents as dollars", () => {
  expect(formatMoney(1999, "usd")).toBe("$19.99")
  expect(formatMoney(1999, "USD")).toBe("$19.99")
  expect(formatMoney(0, "usd")).toBe("$0.00")
  expect(formatMoney(5, "usd")).toBe("$0.05")
  expect(formatMoney(123456, "usd")).toBe("$1,234.56")
  expect(formatMoney(-500, "usd")).toBe("-$5.00")
})

test("formatMoney uses each currency's own minor unit", () => {
  expect(formatMoney(1999, "eur")).toBe("€19.99")
  expect(formatMoney(500, "jpy")).toBe("¥500")
})

test("formatMoney drops .00 only when asked and only for whole amounts", () => {
  expect(formatMoney(1900, "usd", { hideZeroCents: true })).toBe("$19")
  expect(formatMoney(1999, "usd", { hideZeroCents: true })).toBe("$19.99")
  expect(formatMoney(1950, "usd", { hideZeroCents: true })).toBe("$19.50")
  expect(formatMoney(1900, "usd")).toBe("$19.00")
})
