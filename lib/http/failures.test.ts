import { expect, test, vi } from "vitest"
import { emitRequestFailed, onRequestFailed, routePattern } from "./failures"

test("a concrete path becomes its route pattern through the matched params", () => {
  expect(routePattern("/api/admin/orders/ord_123/assign", { id: "ord_123" })).toBe("/api/admin/orders/[id]/assign")
  expect(routePattern("/api/x/a%20b", { id: "a b" })).toBe("/api/x/[id]")
  expect(routePattern("/docs/a/b/c", { slug: "a/b/c" })).toBe("/docs/[...slug]")
  // The same value twice: each param takes the first segment not already taken.
  expect(routePattern("/t/7/items/7", { team: "7", item: "7" })).toBe("/t/[team]/items/[item]")
  expect(routePattern("/api/health", {})).toBe("/api/health")
  expect(routePattern("/api/x", { id: "" })).toBe("/api/x")
})

test("listeners hear each failure; one that throws does not stop the others", () => {
  const heard = vi.fn()
  const offBroken = onRequestFailed(() => {
    throw new Error("listener bug")
  })
  const off = onRequestFailed(heard)
  const spy = vi.spyOn(console, "error").mockImplementation(() => {})
  const failure = { error: new Error("x"), route: "/t", path: "/t", method: "GET", userId: null, requestId: "r" }
  emitRequestFailed(failure)
  expect(heard).toHaveBeenCalledWith(failure)
  off()
  offBroken()
  emitRequestFailed(failure)
  expect(heard).toHaveBeenCalledTimes(1)
  spy.mockRestore()
})
