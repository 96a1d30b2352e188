import { expect, test } from "vitest"
import { parseProductSearchParams, productHref } from "./query"

test("defaults: the last 30 days, the default funnel, weekly cohorts by first seen", () => {
  expect(parseProductSearchParams({})).toEqual({
    range: { range: "30d" },
    funnel: { steps: undefined, funnelId: undefined, window: undefined, breakdown: undefined },
    cohort: { by: "first_seen", period: "week" },
  })
})

test("every setting read back, and a bad value falls back alone", () => {
  const query = parseProductSearchParams({
    from: "2026-03-01",
    to: "2026-03-07",
    steps: "page:/,event:checkout_started",
    window: "3",
    breakdown: "country",
    cohort: "signup",
    every: "month",
  })
  expect(query.range).toEqual({ range: "30d", from: "2026-03-01", to: "2026-03-07" })
  expect(query.funnel).toEqual({
    steps: [
      { kind: "page", match: "/" },
      { kind: "event", match: "checkout_started" },
    ],
    funnelId: undefined,
    window: 3,
    breakdown: "country",
  })
  expect(query.cohort).toEqual({ by: "signup", period: "month" })
  const bad = parseProductSearchParams({
    range: "12d",
    steps: "page:/",
    window: "0",
    breakdown: "planet",
    every: "year",
    funnelId: "abc",
  })
  expect(bad.range).toEqual({ range: "30d" })
  expect(bad.rangeError).toBeTruthy()
  expect(parseProductSearchParams({ from: "2026-03-07", to: "2026-03-01" }).rangeError).toBe(
    "from must not be after to",
  )
  expect(bad.funnel).toEqual({ steps: undefined, funnelId: "abc", window: undefined, breakdown: undefined }) // one step is not a funnel
  expect(bad.cohort.period).toBe("week")
})

test("links keep the other settings", () => {
  const query = parseProductSearchParams({ range: "7d", funnelId: "f1", breakdown: "device", every: "month" })
  expect(productHref(query, { range: { range: "90d" } }, "funnels")).toBe(
    "/admin/product?range=90d&funnelId=f1&breakdown=device&every=month#funnels",
  )
  expect(productHref(query, { cohort: { by: "signup" } })).toBe(
    "/admin/product?range=7d&funnelId=f1&breakdown=device&cohort=signup&every=month",
  )
  expect(productHref(query, { funnel: {} })).toBe("/admin/product?range=7d&every=month")
})
