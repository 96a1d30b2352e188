import { expect, test } from "vitest"
import { boardSearchParams, parseBoardSearchParams } from "./board-query"

test("reads sort, status and page from the URL; a bad field falls back alone", () => {
  expect(parseBoardSearchParams({ sort: "new", status: "PLANNED", page: "3" }, 10)).toEqual({
    sort: "new",
    status: "PLANNED",
    page: 3,
    pageSize: 10,
  })
  expect(parseBoardSearchParams({ sort: "random", status: ["SHIPPED", "OPEN"], page: "-2" }, 25)).toEqual({
    sort: "top",
    status: "SHIPPED",
    page: 1,
    pageSize: 25,
  })
  expect(parseBoardSearchParams({}, 10)).toEqual({ sort: "top", status: "all", page: 1, pageSize: 10 })
})

test("pagination links keep only what differs from the defaults", () => {
  expect(boardSearchParams({ sort: "top", status: "all", page: 2, pageSize: 10 })).toEqual({})
  expect(boardSearchParams({ sort: "new", status: "DECLINED", page: 2, pageSize: 10 })).toEqual({
    sort: "new",
    status: "DECLINED",
  })
})
