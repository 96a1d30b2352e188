import { expect, test } from "vitest"
import { customerListSchema } from "./schemas"

test("the list query defaults to page 1 of 25 and caps pages at 100 rows", () => {
  expect(customerListSchema.parse({})).toEqual({ page: 1, pageSize: 25 })
  expect(customerListSchema.parse({ pageSize: "100", page: "2" })).toEqual({ page: 2, pageSize: 100 })
  expect(customerListSchema.safeParse({ pageSize: "101" }).success).toBe(false)
  expect(customerListSchema.safeParse({ page: "0" }).success).toBe(false)
})

test("status is a subscription status or none; q and email are trimmed", () => {
  expect(customerListSchema.parse({ status: "none", q: "  ada ", email: " A@B.test " })).toMatchObject({
    status: "none",
    q: "ada",
    email: "A@B.test",
  })
  expect(customerListSchema.parse({ status: "CANCELED" }).status).toBe("CANCELED")
  expect(customerListSchema.safeParse({ status: "active" }).success).toBe(false)
})
