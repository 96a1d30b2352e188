import { expect, test } from "vitest"
import { scopesCover } from "./token-scopes"

test("a read token reads any route and writes none", () => {
  for (const route of [undefined, "orders", "billing", "admin"] as const) {
    expect(scopesCover(["read"], "GET", route)).toBe(true)
    expect(scopesCover(["read"], "HEAD", route)).toBe(true)
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(scopesCover(["read"], method, route)).toBe(false)
  }
})

test("a write needs the scope the route declares, and admin where it declares none", () => {
  expect(scopesCover(["orders"], "POST", "orders")).toBe(true)
  expect(scopesCover(["orders"], "POST", "billing")).toBe(false)
  expect(scopesCover(["orders"], "POST", undefined)).toBe(false)
  expect(scopesCover(["billing"], "POST", "billing")).toBe(true)
  expect(scopesCover(["admin"], "DELETE", "admin")).toBe(true)
  expect(scopesCover(["admin"], "PUT", undefined)).toBe(true)
  // admin is not a superset: it does not write orders or billing.
  expect(scopesCover(["admin"], "POST", "orders")).toBe(false)
  expect(scopesCover(["admin"], "POST", "billing")).toBe(false)
  expect(scopesCover([], "GET", undefined)).toBe(false)
})

test("a write scope also reads its own routes, not the others", () => {
  expect(scopesCover(["orders"], "GET", "orders")).toBe(true)
  expect(scopesCover(["orders"], "get", "orders")).toBe(true)
  expect(scopesCover(["orders"], "GET", "billing")).toBe(false)
  expect(scopesCover(["orders"], "GET", undefined)).toBe(false)
  expect(scopesCover(["admin"], "GET", undefined)).toBe(true)
})
