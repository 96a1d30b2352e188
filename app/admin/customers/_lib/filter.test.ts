import { expect, test } from "vitest"
import { parseCustomerSearchParams } from "./filter"

test("parseCustomerSearchParams reads every filter and keeps it for the links", () => {
  const { filter, query } = parseCustomerSearchParams({
    q: " ada ",
    status: "PAST_DUE",
    page: "3",
    pageSize: "10",
    email: "Ada@Test.example",
  })
  expect(filter).toEqual({ q: "ada", email: "Ada@Test.example", status: "PAST_DUE", page: 3, pageSize: 10 })
  expect(query).toEqual({ q: "ada", email: "Ada@Test.example", status: "PAST_DUE", page: "3", pageSize: "10" })
})

test("parseCustomerSearchParams drops empty and invalid fields but keeps the rest", () => {
  const { filter, query } = parseCustomerSearchParams({
    q: "",
    status: "LOST",
    page: "0",
    pageSize: "500",
    email: ["bob@test.example", "x"],
  })
  expect(filter).toEqual({ email: "bob@test.example", page: 1, pageSize: 25 })
  expect(query).toEqual({ email: "bob@test.example" })
  expect(parseCustomerSearchParams({ status: "none" }).filter.status).toBe("none")
})
