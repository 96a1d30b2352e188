import { readdirSync, statSync } from "node:fs"
import path from "node:path"
import { expect, test } from "@playwright/test"
import { signInWithMagicLink } from "./helpers"

// Every page under app/admin, found on disk, so a new admin page can never ship open.
function adminPages(dir = path.resolve("app/admin")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return name.startsWith("_") ? [] : adminPages(full)
    if (name !== "page.tsx") return []
    const route =
      "/" +
      path
        .relative(path.resolve("app"), path.dirname(full))
        .split(path.sep)
        .filter((s) => !s.startsWith("("))
        .join("/")
    return [route.replace(/\[[^\]]+\]/g, "x")]
  })
}

const pages = adminPages()

test("the walk finds the admin pages", () => {
  expect(pages).toEqual(expect.arrayContaining(["/admin", "/admin/audit", "/admin/team", "/admin/operations"]))
})

test("anonymous visitors are sent to sign in from every admin page", async ({ page }) => {
  for (const route of pages) {
    await page.goto(route)
    await expect(page, route).toHaveURL(/\/signin\?callbackUrl=/)
  }
})

test("a subscriber gets the 403 page from every admin page", async ({ page }) => {
  await signInWithMagicLink(page, "subscriber@demo.test")
  for (const route of pages) {
    const response = await page.goto(route)
    expect(response?.status(), route).toBe(403)
    await expect(page.getByRole("heading", { level: 1 }), route).toHaveText(/don.t have access/)
  }
})
