import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { expect, type Page, test } from "@playwright/test"
import { passSecondFactor, signInWithMagicLink } from "./helpers"

// The two Content-Security-Policies (README, "Security headers"): signed-in pages run only scripts
// carrying their response's nonce; marketing pages have a fixed policy that needs no request.

type Violation = { directive: string; blocked: string }
type Watched = {
  __violations: Violation[]
  __injectedScript?: boolean
  __injectedHandler?: boolean
  __sameDocument?: boolean
}

/** Records CSP violations from before the page's own scripts run (init scripts are exempt from CSP). */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched
    w.__violations = []
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    )
  })
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as Watched).__violations)

/**
 * Serves the page with an inline script and an inline event handler slipped into the server's HTML,
 * as a stored or reflected XSS would land them; the response's headers are left as they are. (A
 * script created from script is no test: 'strict-dynamic' trusts what trusted code inserts, and
 * page.addScriptTag runs outside the page's policy.)
 */
async function injectIntoHtml(page: Page, pathname: string): Promise<void> {
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue()
      const response = await route.fetch()
      const html = await response.text()
      const injected = `<script>window.__injectedScript = true</script><img alt="" src="data:," onerror="window.__injectedHandler = true">`
      const headers = { ...response.headers() }
      delete headers["content-length"]
      delete headers["content-encoding"]
      await route.fulfill({ response, headers, body: html.replace("</body>", `${injected}</body>`) })
    },
  )
}

async function injectedCodeRan(page: Page): Promise<{ script: boolean; handler: boolean }> {
  return page.evaluate(() => {
    const w = window as unknown as Watched
    return { script: w.__injectedScript === true, handler: w.__injectedHandler === true }
  })
}

/** Every <script> in the server's HTML carries the nonce of the response's policy, and the policy allows nothing inline. */
async function expectNoncedPage(page: Page, url: string): Promise<void> {
  const response = await page.request.get(url, { maxRedirects: 0 })
  expect(response.status(), url).toBe(200)
  const policy = response.headers()["content-security-policy"]
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
  expect(nonce, url).toBeTruthy()
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/)
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length, url).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`)
}

/** Neither injected piece ran, the browser reported both, and nothing of the page's own was refused. */
async function expectInjectionBlocked(page: Page): Promise<void> {
  await expect
    .poll(async () => (await violations(page)).map((v) => v.directive).sort())
    .toEqual(["script-src-attr", "script-src-elem"])
  expect(await injectedCodeRan(page)).toEqual({ script: false, handler: false })
}

test("an injected inline script does not run on an account page", async ({ page }) => {
  await signInWithMagicLink(page, "subscriber@demo.test")
  await expectNoncedPage(page, "/account")
  await watchViolations(page)
  await injectIntoHtml(page, "/account")
  // Our own tracker still reports the view under the policy.
  const pageView = page.waitForRequest(
    (r) => new URL(r.url()).pathname === "/api/events" && (r.postData() ?? "").includes('"page_view"'),
    { timeout: 20_000 },
  )
  await page.goto("/account")
  await expect(page.getByTestId("account-page")).toBeVisible()
  await pageView
  await expectInjectionBlocked(page)
})

test("an injected inline script does not run on an admin page; admin navigation stays client-side", async ({
  page,
}) => {
  await signInWithMagicLink(page, "admin@demo.test", "/admin")
  await passSecondFactor(page, "admin@demo.test")
  await expectNoncedPage(page, "/admin/orders")
  await watchViolations(page)
  await injectIntoHtml(page, "/admin")
  await page.goto("/admin")
  await expect(page.getByTestId("admin-home")).toBeVisible()
  await expectInjectionBlocked(page)
  // Within the nonce sections the router keeps its client-side navigation.
  await page.evaluate(() => ((window as unknown as Watched).__sameDocument = true))
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click()
  await expect(page).toHaveURL(/\/admin\/audit$/)
  await expect(page.getByTestId("audit-table")).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as Watched).__sameDocument)).toBe(true)
})

test("a link from a marketing page into the account loads a new document under the nonce policy", async ({ page }) => {
  await signInWithMagicLink(page, "subscriber@demo.test")
  await page.goto("/pricing")
  await page.evaluate(() => ((window as unknown as Watched).__sameDocument = true))
  const document = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/account" && r.request().isNavigationRequest(),
  )
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click()
  expect((await document).headers()["content-security-policy"]).toContain("'strict-dynamic'")
  await expect(page.getByTestId("account-page")).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as Watched).__sameDocument)).toBeUndefined()
})

test("marketing pages: one fixed policy that needs no request, and the app still runs under it", async ({
  page,
  request,
}) => {
  for (const url of ["/", "/pricing"]) {
    const [first, second] = [await request.get(url), await request.get(url)]
    const policy = first.headers()["content-security-policy"]
    expect(policy, url).toContain("script-src 'self' 'unsafe-inline'; script-src-attr 'none'")
    expect(policy, url).not.toContain("nonce-")
    expect(second.headers()["content-security-policy"], url).toBe(policy)
    expect(await first.text(), url).not.toMatch(/<script\b[^>]*\snonce=/)
  }
  await watchViolations(page)
  await injectIntoHtml(page, "/pricing")
  await page.goto("/pricing")
  await expect(page.getByRole("link", { name: /Get started with/ }).first()).toBeVisible()
  // The price of a policy without a nonce: an inline script element runs here; an inline handler does not.
  await expect.poll(async () => (await violations(page)).map((v) => v.directive)).toEqual(["script-src-attr"])
  expect(await injectedCodeRan(page)).toEqual({ script: true, handler: false })
})

test("pages the build prerendered are still served from the prerender, under the static policy", async ({
  request,
}) => {
  const manifestPath = path.join(process.cwd(), ".next", "prerender-manifest.json")
  const manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, "utf8")) as { routes: Record<string, unknown> })
    : { routes: {} }
  const pages = Object.keys(manifest.routes).filter((route) => !/\.\w+$/.test(route) && !route.startsWith("/_"))
  // Today none is: landing and pricing read plans and the session, and the root layout's test-mode banner awaits connection().
  test.skip(pages.length === 0, "this build prerendered no page")
  for (const url of pages) {
    const headers = (await request.get(url)).headers()
    expect(headers["x-nextjs-prerender"] ?? "", url).toMatch(/^1/)
    expect(headers["content-security-policy"], url).toContain("script-src 'self' 'unsafe-inline'")
  }
})

test("every response carries the other security headers; HSTS only on https", async ({ request }) => {
  for (const url of ["/", "/pricing", "/signin", "/api/health", "/api/health/ready"]) {
    const headers = (await request.get(url)).headers()
    expect(headers["x-frame-options"], url).toBe("DENY")
    expect(headers["x-content-type-options"], url).toBe("nosniff")
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin")
    expect(headers["permissions-policy"], url).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()")
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'")
    // The journeys run on http://localhost, where HSTS would pin the host to https.
    expect(headers["strict-transport-security"], url).toBeUndefined()
  }
})

test("readiness tells the public only up or down", async ({ request }) => {
  const response = await request.get("/api/health/ready")
  expect(response.status()).toBe(200)
  expect(await response.json()).toEqual({ status: "up" })
})
