import { renderToStaticMarkup } from "react-dom/server"
import { afterEach, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { TestModeBanner } from "./test-mode-banner"

const VARIABLES = ["APP_MODE", "BILLING_TEST_MODE", "POLAR_ACCESS_TOKEN"] as const
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))

async function bannerWith(values: Partial<Record<(typeof VARIABLES)[number], string>>): Promise<string> {
  for (const name of VARIABLES) {
    if (values[name] === undefined) delete process.env[name]
    else process.env[name] = values[name]
  }
  resetEnvCache()
  const element = TestModeBanner()
  return element ? renderToStaticMarkup(element) : ""
}

afterEach(async () => {
  await bannerWith(saved)
})

test("production with BILLING_TEST_MODE=1 says on every page that payments are simulated", async () => {
  const html = await bannerWith({ APP_MODE: "production", BILLING_TEST_MODE: "1" })
  expect(html).toContain('role="note"')
  expect(html).toContain('data-testid="site-test-mode-banner"')
  expect(html).toContain("Test mode: payments on this site are simulated. No card is charged.")
})

test("no banner with live Polar, nor in a demo (whose test checkout labels itself)", async () => {
  expect(await bannerWith({ APP_MODE: "production", POLAR_ACCESS_TOKEN: "polar_oat_live" })).toBe("")
  expect(await bannerWith({ APP_MODE: "demo" })).toBe("")
  expect(await bannerWith({ APP_MODE: "demo", BILLING_TEST_MODE: "1" })).toBe("")
})
