import { expect, test } from "vitest"
import { methodName, routePattern } from "./route-pattern"

test("id-like segments become [id]", () => {
  expect(routePattern("/api/admin/orders/clx9f3k2a0000qz8h5v1c2d3e/assign")).toBe("/api/admin/orders/[id]/assign") // cuid
  expect(routePattern("/api/admin/orders/tz4a98xxat96iws9zmbrgj3a")).toBe("/api/admin/orders/[id]") // cuid2
  expect(routePattern("/account/orders/123")).toBe("/account/orders/[id]")
  expect(routePattern("/api/things/3f2b8c1e-9a4d-4f7e-8b6a-0c1d2e3f4a5b")).toBe("/api/things/[id]")
  expect(routePattern("/verify/0123456789abcdef0123")).toBe("/verify/[id]") // hex
  expect(routePattern("/reset/dGhpcyBpcyBhIHRva2VuIDEyMw")).toBe("/reset/[id]") // base64url with a digit
  expect(routePattern("/reset/abcdefghijklmnopqrstuvwxyzABCDEFGH")).toBe("/reset/[id]") // 34 letters
  expect(routePattern("/api/admin/users/someone@example.com")).toBe("/api/admin/users/[id]")
})

test("words, short slugs and the root stay as they are", () => {
  expect(routePattern("/")).toBe("/")
  expect(routePattern("")).toBe("/")
  expect(routePattern("/api/health/ready")).toBe("/api/health/ready")
  expect(routePattern("/api/webhooks/polar")).toBe("/api/webhooks/polar")
  expect(routePattern("/api/account/subscriptions/")).toBe("/api/account/subscriptions")
  expect(routePattern("/pricing/team-2026")).toBe("/pricing/team-2026")
  expect(routePattern("/admin/operations")).toBe("/admin/operations")
  expect(routePattern("//double//slash")).toBe("/double/slash")
})

test("very deep paths are cut after eight segments", () => {
  expect(routePattern("/a/b/c/d/e/f/g/h/i/j")).toBe("/a/b/c/d/e/f/g/h/…")
})

test("unknown methods share one series", () => {
  expect(methodName("get")).toBe("GET")
  expect(methodName("DELETE")).toBe("DELETE")
  expect(methodName("PROPFIND")).toBe("OTHER")
})
