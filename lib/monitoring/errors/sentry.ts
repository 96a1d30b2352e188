import type { Instrumentation } from "next"
import { env } from "@/lib/env"
import { appRelease } from "./release"
import { sentryCommonOptions } from "./sentry-options"

// Sentry receives the server errors we group ourselves, when SENTRY_DSN is set. Without it the SDK
// is never even loaded, so nothing of Sentry runs or sends. The loaded SDK is kept on globalThis:
// instrumentation.ts initialises it, route handlers (bundled apart) report through it.

type SentrySdk = typeof import("@sentry/nextjs")

const KEY = Symbol.for("ai-copilot-vibe.monitoring.sentry")
const store = globalThis as typeof globalThis & { [KEY]?: SentrySdk }

/** Starts Sentry for this runtime (Node or edge); false, and nothing loaded, without SENTRY_DSN. */
export async function initSentry(): Promise<boolean> {
  const { SENTRY_DSN, SENTRY_ENVIRONMENT, NODE_ENV } = env()
  if (!SENTRY_DSN) return false
  if (store[KEY]) return true
  const Sentry = await import("@sentry/nextjs")
  Sentry.init({
    dsn: SENTRY_DSN,
    release: appRelease(),
    environment: SENTRY_ENVIRONMENT ?? NODE_ENV,
    ...sentryCommonOptions,
    // Errors only: Sentry's tracer provider would switch on Next's whole span pipeline for every
    // request (measured at about 8% of a bare route's CPU) to feed traces we do not sample.
    enableOpenTelemetrySetup: false,
  })
  store[KEY] = Sentry
  return true
}

/** The live SDK, or undefined when Sentry is not configured. */
export function sentry(): SentrySdk | undefined {
  return store[KEY]
}

export type ErrorContext = { route?: string | null; userId?: string | null; requestId?: string | null }

/** Sends an error our route wrapper caught; a no-op without Sentry. Never throws. */
export function captureServerError(error: unknown, context: ErrorContext = {}): void {
  const Sentry = store[KEY]
  if (!Sentry) return
  try {
    Sentry.withScope((scope) => {
      if (context.route) scope.setTag("route", context.route)
      if (context.requestId) scope.setTag("request_id", context.requestId)
      if (context.userId) scope.setUser({ id: context.userId })
      Sentry.captureException(error)
    })
  } catch (failure) {
    console.error("[monitoring] Sentry capture failed", failure)
  }
}

/** Next's own report of an error it caught (pages, server components, actions), with its context. */
export function captureNextRequestError(...args: Parameters<Instrumentation.onRequestError>): void {
  const Sentry = store[KEY]
  if (!Sentry) return
  try {
    Sentry.captureRequestError(...args)
  } catch (failure) {
    console.error("[monitoring] Sentry capture failed", failure)
  }
}
