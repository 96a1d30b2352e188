// Runs in the browser before the app hydrates. Sentry's browser SDK is loaded only when
// NEXT_PUBLIC_SENTRY_DSN was set at build time; otherwise none of it is in the bundle and nothing
// is sent. Our own grouping of browser errors (components/monitoring) works either way.

import { sentryCommonOptions } from "./lib/monitoring/errors/sentry-options"

type SentryBrowser = typeof import("@sentry/nextjs")

let sentry: SentryBrowser | undefined

const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN
if (dsn) {
  void import("@sentry/nextjs").then((Sentry) => {
    Sentry.init({
      dsn,
      // Baked in by next.config.ts: the same release the server reports.
      release: process.env.NEXT_PUBLIC_APP_RELEASE,
      environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT ?? process.env.NODE_ENV,
      ...sentryCommonOptions,
    })
    sentry = Sentry
  })
}

// PostHog likewise: without NEXT_PUBLIC_POSTHOG_KEY at build time none of it loads; with it,
// posthog-js starts only after analytics consent (lib/analytics/client/posthog.ts).
const posthogKey = process.env.NEXT_PUBLIC_POSTHOG_KEY
if (posthogKey) {
  void Promise.all([import("./lib/analytics/client/posthog"), import("./lib/analytics/client/consent")]).then(
    ([{ configurePostHog }, { readConsent }]) =>
      configurePostHog(
        { key: posthogKey, host: process.env.NEXT_PUBLIC_POSTHOG_HOST || "https://us.i.posthog.com" },
        readConsent() === "granted",
      ),
  )
}

export function onRouterTransitionStart(...args: Parameters<SentryBrowser["captureRouterTransitionStart"]>) {
  sentry?.captureRouterTransitionStart(...args)
}
