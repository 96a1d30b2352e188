import { expect, test } from "vitest"
import { parseOrderSearchParams } from "./filter"

test("no parameters: the Open tab, first page", () => {
  expect(parseOrderSearchParams({})).toEqual({
    view: "open",
    filter: { status: "open", page: 1, pageSize: 25 },
    query: {},
  })
})

test("each tab is a fixed filter", () => {
  expect(parseOrderSearchParams({ view: "overdue" }).filter).toEqual({ overdue: "true", page: 1, pageSize: 25 })
  expect(parseOrderSearchParams({ view: "mine" }).filter).toEqual({
    status: "open",
    assignee: "me",
    page: 1,
    pageSize: 25,
  })
  expect(parseOrderSearchParams({ view: "unassigned" }).filter).toEqual({
    status: "open",
    assignee: "unassigned",
    page: 1,
    pageSize: 25,
  })
  expect(parseOrderSearchParams({ view: "release" }).filter).toEqual({ release: "due", page: 1, pageSize: 25 })
  expect(parseOrderSearchParams({ view: "fulfilled" }).filter).toEqual({ status: "FULFILLED", page: 1, pageSize: 25 })
  expect(parseOrderSearchParams({ view: "all" }).filter).toEqual({ page: 1, pageSize: 25 })
})

test("search and page are kept; nonsense is dropped", () => {
  expect(parseOrderSearchParams({ view: "all", q: " ann@ ", page: "3" })).toEqual({
    view: "all",
    filter: { customer: "ann@", page: 3, pageSize: 25 },
    query: { view: "all", q: "ann@", page: "3" },
  })
  const junk = parseOrderSearchParams({ view: "drop-tables", q: "", page: "-2" })
  expect(junk).toEqual({ view: "open", filter: { status: "open", page: 1, pageSize: 25 }, query: {} })
  expect(parseOrderSearchParams({ page: "1.5", q: "x".repeat(201) }).query).toEqual({})
  expect(parseOrderSearchParams({ view: ["mine", "all"] }).view).toBe("mine")
})
