import { withSentryConfig } from "@sentry/nextjs/config"
import type { NextConfig } from "next"
import { gitCommit } from "./lib/monitoring/errors/git-commit"
import { releaseName } from "./lib/monitoring/errors/release"
import { policyOptions } from "./lib/security/content-security-policy"
import { headerRoutes } from "./lib/security/headers"

// Named once per build; the server and the browser bundles both carry it (NEXT_PUBLIC_APP_RELEASE).
const release = releaseName({
  explicit: process.env.SENTRY_RELEASE,
  commit: process.env.GIT_COMMIT ?? gitCommit(process.cwd()),
})
const sentryAuthToken = process.env.SENTRY_AUTH_TOKEN

// Fixed at build (Next writes headers into its routes manifest): the security headers everywhere,
// HSTS only for an https NEXTAUTH_URL, and the static Content-Security-Policy outside the signed-in
// and sign-in pages, whose per-request nonce policy is proxy.ts's (README, "Security headers").
const securityHeaderRoutes = headerRoutes(policyOptions(process.env))

// PostHog through a same-origin path, so blockers of its hosts do not drop it; only with a key.
const posthogKey = process.env.NEXT_PUBLIC_POSTHOG_KEY ?? ""
const posthogHost = (process.env.NEXT_PUBLIC_POSTHOG_HOST || "https://us.i.posthog.com").replace(/\/$/, "")
// PostHog Cloud serves its scripts from a sibling host (us.i → us-assets.i); a self-hosted one from itself.
const posthogAssets = posthogHost.replace(/^https:\/\/(us|eu)\.i\.posthog\.com$/, "https://$1-assets.i.posthog.com")

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The DSN is always defined (empty without Sentry) so the browser SDK's import is dropped from the bundle.
  env: {
    NEXT_PUBLIC_APP_RELEASE: release,
    NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN ?? "",
    NEXT_PUBLIC_POSTHOG_KEY: posthogKey,
  },
  turbopack: { root: process.cwd() },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
    "pg-boss",
  ],
  // forbidden() answers 403 with app/forbidden.tsx instead of redirecting to a 200 page.
  experimental: { authInterrupts: true },
  headers: async () => securityHeaderRoutes,
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
