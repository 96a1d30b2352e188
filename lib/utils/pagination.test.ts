import { expect, test } from "vitest"
import { clampPage, paged, pageHref, pageWindow } from "./pagination"

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

test("paged: pages are ceil(total / size), and an empty list still has one page", () => {
  // 101 rows by 50: pages of 50, 50 and 1 → 3 pages; 100 rows → exactly 2; 0 rows → 1 (empty).
  expect(paged(["a"], 101, { page: 3, pageSize: 50 })).toEqual({
    items: ["a"],
    total: 101,
    page: 3,
    pageSize: 50,
    pageCount: 3,
  })
  expect(paged([], 100, { page: 2, pageSize: 50 }).pageCount).toBe(2)
  expect(paged([], 0, { page: 1, pageSize: 50 }).pageCount).toBe(1)
})
