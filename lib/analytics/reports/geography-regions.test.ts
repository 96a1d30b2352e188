import { expect, test } from "vitest"
import { listedCountryCodes, regionOf } from "./geography-regions"

test("countries map to their continent", () => {
  expect(regionOf("DE")).toBe("Europe")
  expect(regionOf("us")).toBe("North America")
  expect(regionOf("BR")).toBe("South America")
  expect(regionOf("JP")).toBe("Asia")
  expect(regionOf("NG")).toBe("Africa")
  expect(regionOf("AU")).toBe("Oceania")
  expect(regionOf("AQ")).toBe("Antarctica")
})

test("no country, or one not listed, is Unknown", () => {
  expect(regionOf(null)).toBe("Unknown")
  expect(regionOf("")).toBe("Unknown")
  expect(regionOf("ZZ")).toBe("Unknown")
})

test("every code is two letters and sits in one continent only", () => {
  const codes = listedCountryCodes()
  expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true)
  expect(new Set(codes).size).toBe(codes.length)
  // The 249 ISO 3166-1 codes, plus XK (Kosovo, user-assigned but sent by GeoIP databases).
  expect(codes.length).toBe(250)
})
