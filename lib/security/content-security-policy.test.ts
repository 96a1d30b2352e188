import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server"
import { expect, test } from "vitest"
import { config as proxyConfig } from "@/proxy"
import {
  entersNonceSection,
  noncePolicy,
  policyFor,
  policyOptions,
  type PolicyOptions,
  staticPolicy,
  usesNoncePolicy,
} from "./content-security-policy"
import { headerRoutes, HSTS } from "./headers"

const production: PolicyOptions = { development: false, https: true, posthog: false }
const NONCE_PAGES = [
  "/account",
  "/account/billing",
  "/admin",
  "/admin/customers/c1",
  "/checkout/test",
  "/dev/mailbox",
  "/mfa",
  "/signin",
  "/signin/check-email",
]
const STATIC_PAGES = [
  "/",
  "/pricing",
  "/legal/terms",
  "/accounting",
  "/administrator",
  "/api/health/ready",
  "/_next/static/chunks/app.js",
]

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.split(" ")[0] === name)

test("signed-in and sign-in pages get the nonce policy, everything else the static one", () => {
  for (const path of NONCE_PAGES) expect(usesNoncePolicy(path), path).toBe(true)
  for (const path of STATIC_PAGES) expect(usesNoncePolicy(path), path).toBe(false)
})

test("account and admin pages allow only nonced scripts and what they load, never inline ones", () => {
  for (const path of ["/account", "/admin/orders"]) {
    const { policy, nonce } = policyFor(path, production)
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(directive(policy, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(directive(policy, "script-src-attr")).toBe("script-src-attr 'none'")
  }
})

test("the nonce is new on every call", () => {
  const nonces = new Set(Array.from({ length: 50 }, () => policyFor("/account", production).nonce))
  expect(nonces.size).toBe(50)
})

test("the static policy has no nonce: inline script elements yes, inline handlers no", () => {
  const { policy, nonce } = policyFor("/pricing", production)
  expect(nonce).toBeNull()
  expect(policy).toBe(staticPolicy(production))
  expect(policy).not.toContain("nonce-")
  expect(directive(policy, "script-src")).toBe("script-src 'self' 'unsafe-inline'")
  expect(directive(policy, "script-src-attr")).toBe("script-src-attr 'none'")
})

test("both policies share the rest", () => {
  for (const policy of [noncePolicy("abc", production), staticPolicy(production)]) {
    for (const d of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "connect-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "upgrade-insecure-requests",
    ]) {
      expect(policy.split("; "), d).toContain(d)
    }
    expect(directive(policy, "worker-src")).toBeUndefined()
  }
})

test("Sentry's host and PostHog's recorder worker are allowed only when configured; eval only in development", () => {
  const options = policyOptions({
    NODE_ENV: "development",
    NEXT_PUBLIC_SENTRY_DSN: "https://k@o1.ingest.sentry.io/2",
    NEXT_PUBLIC_POSTHOG_KEY: "phc_x",
  })
  expect(options).toEqual({
    development: true,
    https: false,
    sentryOrigin: "https://o1.ingest.sentry.io",
    posthog: true,
  })
  const policy = noncePolicy("abc", options)
  expect(directive(policy, "connect-src")).toBe("connect-src 'self' https://o1.ingest.sentry.io")
  expect(directive(policy, "worker-src")).toBe("worker-src 'self' blob:")
  expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'")
  expect(policy).not.toContain("upgrade-insecure-requests")
  expect(policyOptions({ NODE_ENV: "production", NEXT_PUBLIC_SENTRY_DSN: "not a url" }).sentryOrigin).toBeUndefined()
})

test("https (HSTS, upgraded subresources) only for a production deployment with an https public URL", () => {
  const https = (settings: Record<string, string>) => policyOptions({ NODE_ENV: "production", ...settings }).https
  expect(https({ APP_MODE: "production", NEXTAUTH_URL: "https://app.example" })).toBe(true)
  // No APP_MODE: production on DATABASE_URL, a demo on the embedded database (lib/config/posture.ts).
  expect(https({ DATABASE_URL: "postgres://db/app", NEXTAUTH_URL: "https://app.example" })).toBe(true)
  expect(https({ NEXTAUTH_URL: "https://app.example" })).toBe(false)
  expect(https({ APP_MODE: "demo", DATABASE_URL: "postgres://db/app", NEXTAUTH_URL: "https://demo.example" })).toBe(
    false,
  )
  expect(https({ APP_MODE: "production", NEXTAUTH_URL: "http://localhost:3000" })).toBe(false)
  expect(https({ APP_MODE: "production" })).toBe(false)
  expect(
    policyOptions({ NODE_ENV: "development", APP_MODE: "production", NEXTAUTH_URL: "https://app.example" }).https,
  ).toBe(false)
})

test("proxy.ts runs on exactly the nonce sections, and not for prefetches", () => {
  const matches = (path: string, headers = {}) =>
    unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://localhost${path}`, headers })
  for (const path of NONCE_PAGES) expect(matches(path), path).toBe(true)
  for (const path of STATIC_PAGES) expect(matches(path), path).toBe(false)
  expect(matches("/account", { "next-router-prefetch": "1" })).toBe(false)
})

test("next.config.ts headers: the static policy outside the nonce sections, the other headers everywhere", async () => {
  const routes = headerRoutes(production)
  const respond = (path: string) =>
    unstable_getResponseFromNextConfig({ url: `http://localhost${path}`, nextConfig: { headers: async () => routes } })
  for (const path of [...NONCE_PAGES, ...STATIC_PAGES]) {
    const headers = (await respond(path)).headers
    expect(headers.get("content-security-policy"), path).toBe(usesNoncePolicy(path) ? null : staticPolicy(production))
    expect(headers.get("x-frame-options"), path).toBe("DENY")
    expect(headers.get("x-content-type-options"), path).toBe("nosniff")
    expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin")
    expect(headers.get("permissions-policy"), path).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()")
    expect(headers.get("strict-transport-security"), path).toBe(HSTS)
  }
  const local = headerRoutes({ ...production, https: false })
  const plain = await unstable_getResponseFromNextConfig({
    url: "http://localhost/",
    nextConfig: { headers: async () => local },
  })
  expect(plain.headers.get("strict-transport-security")).toBeNull()
})

test("a client-side navigation into a nonce section from a static page needs a document load", () => {
  const router = (pathname: string, from: string, method = "GET") => ({
    method,
    pathname,
    headers: new Headers({ "next-url": from }),
  })
  expect(entersNonceSection(router("/account", "/pricing"))).toBe(true)
  expect(entersNonceSection(router("/signin", "/"))).toBe(true)
  expect(entersNonceSection(router("/account/billing", "/account"))).toBe(false)
  expect(entersNonceSection(router("/admin", "/signin"))).toBe(false)
  expect(entersNonceSection(router("/pricing", "/account"))).toBe(false)
  expect(entersNonceSection(router("/account", "/", "POST"))).toBe(false)
  // A document request (no Next-Url) gets its nonce policy as it is.
  expect(entersNonceSection({ method: "GET", pathname: "/account", headers: new Headers() })).toBe(false)
})
