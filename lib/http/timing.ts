// Every wrapped request is timed; monitoring subscribes here rather than the wrapper knowing it.
/** `route` is the route pattern when the wrapper knows the params ("/api/orders/[id]"), else the path. */
export type RequestTiming = { route: string; method: string; status: number; durationMs: number; requestId: string }
type Listener = (timing: RequestTiming) => void

// On globalThis: instrumentation.ts, where monitoring subscribes, and the route handlers are bundled
// separately and would each get their own copy of this module.
const KEY = Symbol.for("ai-copilot-vibe.http.request-timed")
const store = globalThis as typeof globalThis & { [KEY]?: Set<Listener> }
const listeners = (store[KEY] ??= new Set<Listener>())

export function onRequestTimed(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function emitRequestTiming(timing: RequestTiming): void {
  for (const listener of listeners) {
    try {
      listener(timing)
    } catch (error) {
      console.error("request timing listener failed", error)
    }
  }
}
