// next.config.ts loads this file too: relative imports, as lib/monitoring/errors/release.ts has.
import { appMode } from "../config/posture"

// Two Content-Security-Policies (README, "Security headers"):
// - signed-in and sign-in pages (NONCE_SECTIONS) are rendered per request anyway: proxy.ts gives each
//   response a fresh nonce, Next stamps it on its own scripts, and nothing else may run;
// - every other page (landing, pricing, anything static) gets a fixed policy from next.config.ts. Its
//   HTML may be rendered once at build, so it cannot carry a per-request nonce, and the inline
//   `self.__next_f.push` payload scripts differ per page and build, so they cannot be hashed in a
//   header fixed before the pages render (experimental.sri adds integrity to external chunks only,
//   vercel/next.js#95354). So scripts there need 'unsafe-inline'; inline event handlers stay
//   forbidden (script-src-attr 'none').
// Styles need 'unsafe-inline' in both: React's style={{…}} attributes (recharts, bar widths, the
// error page) cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off.

/** First path segments whose pages get the nonce policy; proxy.ts's matcher lists the same. */
export const NONCE_SECTIONS = ["account", "admin", "checkout", "dev", "mfa", "signin"] as const

/** next.config.ts `headers()` source for the static policy: every path outside NONCE_SECTIONS. */
export const STATIC_POLICY_SOURCE = `/((?!(?:${NONCE_SECTIONS.join("|")})(?:/|$)).*)`

export type PolicyOptions = {
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  development: boolean
  /** A production deployment on https: HSTS, and the browser upgrades any http subresource. */
  https: boolean
  /** The browser Sentry SDK posts to its DSN's origin; undefined when Sentry is off. */
  sentryOrigin?: string
  /** PostHog's session recorder may start a worker from a blob: URL. Its requests go through the same-origin /ingest rewrite, so connect-src needs no PostHog host. */
  posthog: boolean
}

type Settings = {
  NODE_ENV?: string
  APP_MODE?: string
  DATABASE_URL?: string
  NEXTAUTH_URL?: string
  NEXT_PUBLIC_SENTRY_DSN?: string
  NEXT_PUBLIC_POSTHOG_KEY?: string
}

/** The settings both policies depend on, from lib/env.ts's variables (next.config.ts passes process.env at build). */
export function policyOptions(settings: Settings): PolicyOptions {
  return {
    development: settings.NODE_ENV === "development",
    // Never on a demo or http://localhost, where HSTS would pin the browser to https for the host.
    https:
      settings.NODE_ENV === "production" &&
      appMode(settings) === "production" &&
      (settings.NEXTAUTH_URL ?? "").startsWith("https://"),
    sentryOrigin: sentryOriginOf(settings.NEXT_PUBLIC_SENTRY_DSN),
    posthog: Boolean(settings.NEXT_PUBLIC_POSTHOG_KEY),
  }
}

export function usesNoncePolicy(pathname: string): boolean {
  const first = pathname.split("/")[1] ?? ""
  return (NONCE_SECTIONS as readonly string[]).includes(first)
}

/** 128 random bits, base64: unguessable and new for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

/** Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic'; 'self' is for browsers without it). */
export function noncePolicy(nonce: string, options: PolicyOptions): string {
  return serialize(`'self' 'nonce-${nonce}' 'strict-dynamic'`, options)
}

/** Scripts: same-origin files and inline script elements, never inline event handlers. */
export function staticPolicy(options: PolicyOptions): string {
  return serialize("'self' 'unsafe-inline'", options)
}

/** The policy for a page path; `nonce` is what proxy.ts hands to Next so that it stamps its scripts. */
export function policyFor(pathname: string, options: PolicyOptions): { policy: string; nonce: string | null } {
  if (!usesNoncePolicy(pathname)) return { policy: staticPolicy(options), nonce: null }
  const nonce = createNonce()
  return { policy: noncePolicy(nonce, options), nonce }
}

/**
 * A client-side navigation into a nonce section from a page under the static policy. A policy
 * belongs to the document, so the page would run under the static one, 'unsafe-inline' and all
 * (vercel/next.js#95354). Only Next's router sends Next-Url (its current path); the proxy does not
 * see the RSC header itself, which Next strips before it.
 */
export function entersNonceSection(request: { method: string; pathname: string; headers: Headers }): boolean {
  const from = request.headers.get("next-url")
  return request.method === "GET" && from !== null && usesNoncePolicy(request.pathname) && !usesNoncePolicy(from)
}

/** The origin the browser SDK reports to, from a DSN such as https://key@o1.ingest.sentry.io/2. */
export function sentryOriginOf(dsn: string | undefined): string | undefined {
  try {
    return dsn ? new URL(dsn).origin : undefined
  } catch {
    return undefined
  }
}

function serialize(scriptSources: string, options: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources}${options.development ? " 'unsafe-eval'" : ""}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.sentryOrigin ? ` ${options.sentryOrigin}` : ""}`,
    ...(options.posthog ? ["worker-src 'self' blob:"] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ]
  return directives.join("; ")
}
