import { describe, expect, it } from "vitest"
import { previousPeriod } from "@/lib/utils/time-range"
import { productRange, productRangeQuerySchema } from "./range"

describe("product range", () => {
  it("a preset ends today; the previous period is as long and just before", () => {
    const range = productRange(productRangeQuerySchema.parse({ range: "7d" }), new Date("2026-11-26T10:00:00Z"), "UTC")
    expect([range.firstDay, range.lastDay]).toEqual(["2026-11-20", "2026-11-26"])
    const before = previousPeriod(range)
    expect([before.firstDay, before.lastDay, before.days]).toEqual(["2026-11-13", "2026-11-19", 7])
    expect(before.to.getTime()).toBe(range.from.getTime())
  })

  it("refuses half or backwards ranges", () => {
    expect(productRangeQuerySchema.safeParse({ from: "2026-01-01" }).success).toBe(false)
    expect(productRangeQuerySchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false)
    expect(productRangeQuerySchema.safeParse({ from: "2026-01-01", to: "2026-01-31" }).success).toBe(true)
  })
})
