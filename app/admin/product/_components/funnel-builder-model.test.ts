import { expect, test } from "vitest"
import { funnelUrl, stepProblem } from "./funnel-builder-model"

test("steps as typed: paths and event names the server would take", () => {
  expect(stepProblem({ kind: "page", match: " /pricing " })).toBeNull()
  expect(stepProblem({ kind: "page", match: "" })).toMatch(/Give a path/)
  expect(stepProblem({ kind: "page", match: "pricing" })).toMatch(/starts with \//)
  expect(stepProblem({ kind: "page", match: "/a?b=1" })).toMatch(/no query/)
  expect(stepProblem({ kind: "event", match: "checkout_started" })).toBeNull()
  expect(stepProblem({ kind: "event", match: "Checkout Started" })).toMatch(/Lower-case/)
  expect(stepProblem({ kind: "event", match: "page_view" })).toMatch(/page step/)
})

test("the URL keeps the range and cohort settings and replaces the funnel's", () => {
  const keep: [string, string][] = [
    ["range", "7d"],
    ["every", "month"],
    ["funnelId", "old"],
    ["breakdown", "device"],
  ]
  expect(
    funnelUrl(keep, {
      steps: [
        { kind: "page", match: "/" },
        { kind: "event", match: "order_paid" },
      ],
      window: 3,
      breakdown: "country",
    }),
  ).toBe("/admin/product?range=7d&every=month&steps=page%3A%2F%2Cevent%3Aorder_paid&window=3&breakdown=country#funnels")
  expect(funnelUrl(keep, { funnelId: "f2" })).toBe("/admin/product?range=7d&every=month&funnelId=f2#funnels")
})
