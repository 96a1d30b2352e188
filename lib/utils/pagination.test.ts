import { expect, test } from "vitest"
import { clampPage, pageHref, pageWindow } from "./pagination"

test("pageHref keeps other params and drops page for page 1", () => {
  expect(pageHref("/admin/audit", { action: "login", page: "3" }, 4)).toBe("/admin/audit?action=login&page=4")
  expect(pageHref("/admin/audit", { action: "login", page: "3" }, 1)).toBe("/admin/audit?action=login")
  expect(pageHref("/admin/audit", undefined, 1)).toBe("/admin/audit")
  expect(pageHref("/x", { tag: ["a", "b"], empty: undefined }, 2)).toBe("/x?tag=a&tag=b&page=2")
  expect(pageHref("/x", new URLSearchParams("q=a b&p=9"), 2, "p")).toBe("/x?q=a+b&p=2")
})

test("pageWindow shows ends, neighbours and gaps", () => {
  expect(pageWindow(1, 1)).toEqual([1])
  expect(pageWindow(1, 3)).toEqual([1, 2, 3])
  expect(pageWindow(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10])
  expect(pageWindow(1, 10)).toEqual([1, 2, "gap", 10])
  expect(pageWindow(10, 10)).toEqual([1, "gap", 9, 10])
  // 1 _ 3 4 5: the single hidden page 2 is shown rather than an ellipsis.
  expect(pageWindow(4, 5)).toEqual([1, 2, 3, 4, 5])
})

test("clampPage keeps the page in range", () => {
  expect(clampPage(0, 5)).toBe(1)
  expect(clampPage(9, 5)).toBe(5)
  expect(clampPage(2.7, 5)).toBe(2)
  expect(clampPage(Number.NaN, 5)).toBe(1)
  expect(clampPage(3, 0)).toBe(1)
})
