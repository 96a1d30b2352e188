import { expect, test } from "vitest"
import { formatSeconds } from "@/lib/format/durations"
import { formatChange, formatFigure } from "./usage-format"
import { compare } from "./usage-math"

test("figures by kind; missing ones are a dash", () => {
  expect(formatFigure(1234.4, "count")).toBe("1,234")
  expect(formatFigure(0.857142, "average")).toBe("0.9")
  expect(formatFigure(0.075, "share")).toBe("7.5 %")
  expect(formatFigure(515800, "cents")).toBe("$5,158.00")
  expect(formatFigure(3250, "ms")).toBe("3.25 s")
  expect(formatFigure(96.4, "ms")).toBe("96 ms")
  expect(formatFigure(0.175, "score")).toBe("0.18")
  expect(formatFigure(null, "count")).toBe("—")
  expect(formatFigure(Number.NaN, "share")).toBe("—")
})

test("durations read as a person would say them", () => {
  expect(formatSeconds(0)).toBe("0 s")
  expect(formatSeconds(30)).toBe("30 s")
  expect(formatSeconds(75)).toBe("1 min 15 s")
  expect(formatSeconds(120)).toBe("2 min")
  expect(formatSeconds(7500)).toBe("2 h 5 min")
})

test("changes say their direction in words", () => {
  // 12 from 8: +4 = +50 %
  expect(formatChange(compare(12, 8), "count")).toBe("up 50 % from 8")
  expect(formatChange(compare(3, 4), "count")).toBe("down 25 % from 4")
  expect(formatChange(compare(5, 0), "count")).toBe("up 5 from 0")
  expect(formatChange(compare(4, 4), "count")).toBe("no change from 4")
  // shares move in points: 0.235 − 0.2 = 3.5 pts
  expect(formatChange(compare(0.235, 0.2), "share")).toBe("up 3.5 pts from 20 %")
  expect(formatChange(compare(null, 0.2), "share")).toBe("20 % before")
  expect(formatChange(compare(0.5, null), "share")).toBe("nothing to compare with")
})
