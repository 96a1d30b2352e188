import { expect, test } from "@playwright/test"

test("the landing and pricing pages fit a phone screen", async ({ page }) => {
  for (const route of ["/", "/pricing", "/signin"]) {
    await page.goto(route)
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, route).toBeLessThanOrEqual(0)
  }
})
