import { expect, test } from "vitest"
import { isEmptySeries, pivotByGroup, rowsOf } from "./rows"

test("rowsOf: a column per field, keyed s0, s1", () => {
  const points = [
    { at: new Date("2026-11-03T10:00:00Z"), p50: 12, p95: null },
    { at: new Date("2026-11-03T10:01:00Z"), p50: 14, p95: 80 },
  ]
  expect(
    rowsOf(points, (p) => p.at, [
      { label: "p50", value: (p) => p.p50 },
      { label: "p95", value: (p) => p.p95 },
    ]),
  ).toEqual({
    data: [
      { at: "2026-11-03T10:00:00.000Z", s0: 12, s1: null },
      { at: "2026-11-03T10:01:00.000Z", s0: 14, s1: 80 },
    ],
    series: [
      { key: "s0", label: "p50" },
      { key: "s1", label: "p95" },
    ],
  })
})

test("pivotByGroup: instants in order, a gap where a group has no row, dotted names are safe", () => {
  const rows = [
    { at: "2026-11-03T10:01:00.000Z", instance: "web-1.internal", cpu: 30 },
    { at: "2026-11-03T10:00:00.000Z", instance: "web-1.internal", cpu: 20 },
    { at: "2026-11-03T10:01:00.000Z", instance: "web-2.internal", cpu: 50 },
  ]
  expect(pivotByGroup(rows, { at: (r) => r.at, group: (r) => r.instance, value: (r) => r.cpu })).toEqual({
    data: [
      { at: "2026-11-03T10:00:00.000Z", s0: 20, s1: null },
      { at: "2026-11-03T10:01:00.000Z", s0: 30, s1: 50 },
    ],
    series: [
      { key: "s0", label: "web-1.internal" },
      { key: "s1", label: "web-2.internal" },
    ],
  })
  // Declared groups come first, in their order, even without rows.
  expect(
    pivotByGroup(rows.slice(0, 1), {
      at: (r) => r.at,
      group: (r) => r.instance,
      value: (r) => r.cpu,
      groups: ["db", "web-1.internal"],
    }).data,
  ).toEqual([{ at: "2026-11-03T10:01:00.000Z", s0: null, s1: 30 }])
})

test("isEmptySeries: nulls are empty; zeros only when asked", () => {
  const series = [{ key: "s0", label: "x" }]
  expect(isEmptySeries([], series)).toBe(true)
  expect(isEmptySeries([{ at: "t", s0: null }], series)).toBe(true)
  expect(isEmptySeries([{ at: "t", s0: 0 }], series)).toBe(false)
  expect(isEmptySeries([{ at: "t", s0: 0 }], series, true)).toBe(true)
  expect(
    isEmptySeries(
      [
        { at: "t", s0: 0 },
        { at: "u", s0: 2 },
      ],
      series,
      true,
    ),
  ).toBe(false)
})
