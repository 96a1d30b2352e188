import { expect, test } from "vitest"
import { parseEmailSearchParams } from "./filter"

test("filters come from the URL; blanks are dropped", () => {
  const { filter, query } = parseEmailSearchParams({
    status: "FAILED",
    template: "seat-ready",
    to: " ada@ ",
    page: "2",
    pageSize: "",
  })
  expect(filter).toEqual({ status: "FAILED", template: "seat-ready", to: "ada@", page: 2, pageSize: 50 })
  expect(query).toEqual({ status: "FAILED", template: "seat-ready", to: "ada@", page: "2" })
})

test("a field that does not parse is ignored, the others still apply", () => {
  const { filter, query } = parseEmailSearchParams({ status: "LOST", template: ["welcome", "seat-ready"], page: "-1" })
  expect(filter).toEqual({ template: "welcome", page: 1, pageSize: 50 })
  expect(query).toEqual({ template: "welcome" })
})
