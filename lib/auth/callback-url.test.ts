import { expect, test } from "vitest"
import { safeCallbackUrl } from "./callback-url"

test("safeCallbackUrl keeps same-site paths", () => {
  expect(safeCallbackUrl("/admin/team", "/account")).toBe("/admin/team")
  expect(safeCallbackUrl("/account?tab=billing#seat", "/account")).toBe("/account?tab=billing#seat")
  expect(safeCallbackUrl(["/admin", "/other"], "/account")).toBe("/admin")
})

test("safeCallbackUrl refuses anything that could leave the site", () => {
  expect(safeCallbackUrl(undefined, "/account")).toBe("/account")
  expect(safeCallbackUrl("", "/account")).toBe("/account")
  expect(safeCallbackUrl("https://evil.test/", "/account")).toBe("/account")
  expect(safeCallbackUrl("//evil.test/", "/account")).toBe("/account")
  expect(safeCallbackUrl("/\\evil.test/", "/account")).toBe("/account")
  expect(safeCallbackUrl("/\t/evil.test/", "/account")).toBe("/account")
  expect(safeCallbackUrl("javascript:alert(1)", "/account")).toBe("/account")
  expect(safeCallbackUrl("admin", "/account")).toBe("/account")
})
