import { expect, test } from "vitest"
import { countByCountry } from "./geography-math"

test("users are counted (or weighted) under their country; unknown ones apart", () => {
  const countries = new Map([
    ["u1", "DE"],
    ["u2", "DE"],
    ["u3", "FR"],
  ])
  expect(countByCountry(["u1", "u2", "u3", "u4"], countries, "(none)")).toEqual(
    new Map([
      ["DE", 2],
      ["FR", 1],
      ["(none)", 1],
    ]),
  )
  // MRR: u1 1000 + u2 1658 = 2658 in DE; u4 unknown 500
  const mrr = new Map([
    ["u1", 1000],
    ["u2", 1658],
    ["u4", 500],
  ])
  expect(countByCountry(mrr.keys(), countries, "(none)", (id) => mrr.get(id)!)).toEqual(
    new Map([
      ["DE", 2658],
      ["(none)", 500],
    ]),
  )
})
