import { expect, test } from "vitest"
import { operationsHref, parseOperationsSearchParams } from "./query"

test("valid settings are kept; a bad one falls back to its default without losing the other", () => {
  expect(parseOperationsSearchParams({ range: "7d", sort: "failing" })).toEqual({ range: "7d", sort: "failing" })
  expect(parseOperationsSearchParams({})).toEqual({ range: "24h", sort: "slowest" })
  expect(parseOperationsSearchParams({ range: "2y", sort: "busiest" })).toEqual({ range: "24h", sort: "busiest" })
  expect(parseOperationsSearchParams({ range: ["1h", "7d"], sort: " " })).toEqual({ range: "1h", sort: "slowest" })
})

test("links change one setting and keep the other", () => {
  expect(operationsHref({ range: "7d", sort: "failing" }, { range: "1h" })).toBe(
    "/admin/operations?range=1h&sort=failing",
  )
  expect(operationsHref({ range: "7d", sort: "failing" }, { sort: "busiest" }, "requests")).toBe(
    "/admin/operations?range=7d&sort=busiest#requests",
  )
})
