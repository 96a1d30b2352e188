import { subscribe, unsubscribe } from "node:diagnostics_channel"
import type { IncomingMessage, ServerResponse } from "node:http"
import { routePattern } from "./route-pattern"

// Times pages, and handlers outside our route wrapper (NextAuth's), at the HTTP server: Node
// publishes each request's start and its response's finish on diagnostics channels, and Next
// leaves the route it matched on the request. A proxy cannot see a response end; Next's
// OpenTelemetry spans can, but registering a tracer switches on Next's whole tracing path (about
// nine spans a request), which cost 8% of a bare route's CPU here. This costs two callbacks.

export type PageTiming = { route: string; method: string; status: number; durationMs: number }

const STARTED = Symbol("ai-copilot-vibe.request-started")
// Next's per-request metadata (internal, so read defensively): `match.definition.pathname` is the
// route pattern it served, e.g. "/dev/mailbox/[id]", or "/_not-found" for any 404 page.
const NEXT_META = Symbol.for("NextInternalRequestMeta")

type Timed = IncomingMessage & { [STARTED]?: number; [NEXT_META]?: { match?: { definition?: { pathname?: unknown } } } }
type Message = { request: Timed; response: ServerResponse }

/** Request ids of responses the route wrapper timed itself (its x-request-id header). */
const timedByWrapper = new Set<string>()

export function markTimedByWrapper(requestId: string): void {
  // Ids of requests whose response never finished (the client went away) must not pile up.
  if (timedByWrapper.size >= 10_000) timedByWrapper.clear()
  timedByWrapper.add(requestId)
}

function routeOf(request: Timed): string | undefined {
  const matched = request[NEXT_META]?.match?.definition?.pathname
  if (typeof matched === "string" && matched) return matched
  const path = (request.url ?? "/").split("?")[0]!
  // Framework assets: not requests anyone reads a dashboard for.
  return path.startsWith("/_next/") ? undefined : routePattern(path)
}

/** Starts timing every HTTP request this process serves; returns a function that stops it. */
export function startPageTiming(record: (timing: PageTiming) => void): () => void {
  const onStart = (message: unknown) => {
    ;(message as Message).request[STARTED] = performance.now()
  }
  const onFinish = (message: unknown) => {
    const { request, response } = message as Message
    const started = request[STARTED]
    if (started === undefined) return
    const id = response.getHeader("x-request-id")
    if (typeof id === "string" && timedByWrapper.delete(id)) return
    const route = routeOf(request)
    if (!route) return
    record({
      route,
      method: request.method ?? "GET",
      status: response.statusCode,
      durationMs: performance.now() - started,
    })
  }
  subscribe("http.server.request.start", onStart)
  subscribe("http.server.response.finish", onFinish)
  return () => {
    unsubscribe("http.server.request.start", onStart)
    unsubscribe("http.server.response.finish", onFinish)
  }
}
