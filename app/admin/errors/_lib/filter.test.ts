import { expect, test } from "vitest"
import { parseErrorGroupSearchParams } from "./filter"

test("keeps valid filters, drops empty and unparseable ones without losing the rest", () => {
  expect(parseErrorGroupSearchParams({ status: "RESOLVED", sort: "count", page: "3" })).toEqual({
    filter: { status: "RESOLVED", sort: "count", page: 3, pageSize: 50 },
    query: { status: "RESOLVED", sort: "count", page: "3" },
  })
  expect(parseErrorGroupSearchParams({ status: "FIXED", sort: " ", page: "x" })).toEqual({
    filter: { sort: "last_seen", page: 1, pageSize: 50 },
    query: {},
  })
  expect(parseErrorGroupSearchParams({ status: ["IGNORED", "OPEN"] }).filter.status).toBe("IGNORED")
})
