import "server-only"
import type { Instrumentation } from "next"
import { onRequestFailed } from "@/lib/http/failures"
import { captureNextRequestError, captureServerError, type ErrorContext } from "./sentry"
import { recordError, type RecordedError } from "./record"

// The two ways a server error reaches monitoring: the route wrapper's 500s (through its
// onRequestFailed hook) and Next's onRequestError for everything outside the wrapper (pages,
// server components, server actions). Both group it and, when configured, send it to Sentry.

const KEY = Symbol.for("ai-copilot-vibe.monitoring.error-recording")
type State = { unsubscribe?: () => void; pending: Set<Promise<unknown>> }
const store = globalThis as typeof globalThis & { [KEY]?: State }

function state(): State {
  store[KEY] ??= { pending: new Set() }
  return store[KEY]
}

/** One server error: to Sentry (if configured) and into its group. Never throws. */
export async function reportServerError(error: unknown, context: ErrorContext = {}): Promise<RecordedError | null> {
  captureServerError(error, context)
  return recordError({ source: "server", error, route: context.route, userId: context.userId })
}

/**
 * Subscribes to the route wrapper's failures (once per process). The write happens after the
 * response has gone, so a failing database never slows the 500 it caused.
 */
export function startErrorRecording(): void {
  const current = state()
  if (current.unsubscribe) return
  current.unsubscribe = onRequestFailed((failure) => {
    track(
      reportServerError(failure.error, { route: failure.route, userId: failure.userId, requestId: failure.requestId }),
    )
  })
}

export function stopErrorRecording(): void {
  state().unsubscribe?.()
  state().unsubscribe = undefined
}

/** Resolves once every error write started so far has finished (tests, shutdown). */
export async function errorWritesSettled(): Promise<void> {
  while (state().pending.size > 0) await Promise.allSettled([...state().pending])
}

function track(write: Promise<unknown>): void {
  const pending = state().pending
  pending.add(write)
  void write.finally(() => pending.delete(write))
}

/** Who sent a request, from its headers; null when no one is signed in or the headers do not say. */
export type UserIdOf = (headers: NodeJS.Dict<string | string[]>) => Promise<string | null>

/**
 * Next's onRequestError: an error the wrapper never saw. Route is the file's pattern; `userIdOf`
 * is the edge's reading of the caller (lib/http/authenticate.ts), which monitoring does not do itself.
 */
export async function reportNextRequestError(
  args: Parameters<Instrumentation.onRequestError>,
  userIdOf: UserIdOf,
): Promise<RecordedError | null> {
  const [error, request, context] = args
  captureNextRequestError(...args)
  return recordError({
    source: "server",
    error,
    route: routeFromPath(context.routePath),
    userId: await userIdOf(request.headers),
  })
}

/** "/admin/errors/[id]/page", "/(marketing)/pricing/page" → "/admin/errors/[id]", "/pricing". */
export function routeFromPath(routePath: string): string {
  const route = routePath.replace(/\/\([^/)]+\)(?=\/|$)/g, "").replace(/\/(?:page|route|layout|default)$/, "")
  return route || "/"
}
