import { expect, test } from "vitest"
import { parseDeliverySearchParams } from "./filter"

test("keeps valid filters, drops empty and unparseable ones without losing the rest", () => {
  expect(
    parseDeliverySearchParams({ status: "FAILED", type: "order.paid", subscription: " sub_1 ", page: "2" }),
  ).toEqual({
    filter: { status: "FAILED", type: "order.paid", subscription: "sub_1", page: 2, pageSize: 50 },
    query: { status: "FAILED", type: "order.paid", subscription: "sub_1", page: "2" },
  })
  expect(parseDeliverySearchParams({ status: "EXPLODED", type: " ", page: "x" })).toEqual({
    filter: { page: 1, pageSize: 50 },
    query: {},
  })
  expect(parseDeliverySearchParams({ status: ["IGNORED", "FAILED"] }).filter.status).toBe("IGNORED")
  expect(parseDeliverySearchParams({ subscription: "s".repeat(101), type: "order.paid" })).toEqual({
    filter: { type: "order.paid", page: 1, pageSize: 50 },
    query: { type: "order.paid" },
  })
})
