import { withSentryConfig } from "@sentry/nextjs/config"
import type { NextConfig } from "next"
import { gitCommit } from "./lib/monitoring/git-commit"
import { releaseName } from "./lib/monitoring/release"

const production = process.env.NODE_ENV === "production"
// Named once per build; the server and the browser bundles both carry it (NEXT_PUBLIC_APP_RELEASE).
const release = releaseName({ explicit: process.env.SENTRY_RELEASE, commit: process.env.GIT_COMMIT ?? gitCommit(process.cwd()) })
const sentryAuthToken = process.env.SENTRY_AUTH_TOKEN
// The browser SDK posts to the DSN's host; with no DSN nothing beyond 'self' is allowed.
const sentryOrigin = dsnOrigin(process.env.NEXT_PUBLIC_SENTRY_DSN)

// Next's hydration scripts are inline, so script-src allows 'unsafe-inline'; everything else is
// same-origin. GitHub sign-in posts a form that redirects to github.com.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${sentryOrigin ? ` ${sentryOrigin}` : ""}`,
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self' https://github.com",
  "object-src 'none'",
].join("; ")

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
]

// PostHog through a same-origin path, so blockers of its hosts do not drop it; only with a key.
const posthogKey = process.env.NEXT_PUBLIC_POSTHOG_KEY ?? ""
const posthogHost = (process.env.NEXT_PUBLIC_POSTHOG_HOST || "https://us.i.posthog.com").replace(/\/$/, "")
// PostHog Cloud serves its scripts from a sibling host (us.i → us-assets.i); a self-hosted one from itself.
const posthogAssets = posthogHost.replace(/^https:\/\/(us|eu)\.i\.posthog\.com$/, "https://$1-assets.i.posthog.com")

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The DSN is always defined (empty without Sentry) so the browser SDK's import is dropped from the bundle.
  env: { NEXT_PUBLIC_APP_RELEASE: release, NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN ?? "", NEXT_PUBLIC_POSTHOG_KEY: posthogKey },
  turbopack: { root: process.cwd() },
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg-boss"],
  // forbidden() answers 403 with app/forbidden.tsx instead of redirecting to a 200 page.
  experimental: { authInterrupts: true },
  headers: async () => [{ source: "/:path*", headers: securityHeaders }],
  ...(posthogKey
    ? {
        // PostHog's API paths end in a slash (/e/, /flags/): they must reach it unredirected.
        skipTrailingSlashRedirect: true,
        rewrites: async () => [
          { source: "/ingest/static/:path*", destination: `${posthogAssets}/static/:path*` },
          { source: "/ingest/:path*", destination: `${posthogHost}/:path*` },
        ],
      }
    : {}),
}

function dsnOrigin(dsn: string | undefined): string | undefined {
  try {
    return dsn ? new URL(dsn).origin : undefined
  } catch {
    return undefined
  }
}

// Without SENTRY_AUTH_TOKEN nothing is uploaded and no release is created; telemetry is off, so
// with no DSN and no token the build runs offline and nothing of Sentry sends anything.
export default withSentryConfig(nextConfig, {
  org: process.env.SENTRY_ORG,
  project: process.env.SENTRY_PROJECT,
  authToken: sentryAuthToken,
  silent: !process.env.CI,
  telemetry: false,
  release: { name: release, create: Boolean(sentryAuthToken), finalize: Boolean(sentryAuthToken) },
  sourcemaps: { disable: !sentryAuthToken },
  widenClientFileUpload: Boolean(sentryAuthToken),
  // Errors only: no tracing, so no build-time instrumentation of dependencies or route manifest.
  buildTimeInstrumentation: false,
  routeManifestInjection: false,
})
