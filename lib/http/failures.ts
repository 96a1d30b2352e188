// A wrapped request that ended in our own bug (a 500); monitoring subscribes here rather than the
// wrapper knowing it. Listeners live on globalThis: instrumentation.ts, where monitoring
// subscribes, and the route handlers are bundled separately and would each get their own copy.
export type RequestFailure = {
  error: unknown
  /** The route's pattern, e.g. /api/admin/orders/[id]/assign. */
  route: string
  path: string
  method: string
  userId: string | null
  requestId: string
}
type Listener = (failure: RequestFailure) => void

const KEY = Symbol.for("ai-copilot-vibe.http.request-failed")
const store = globalThis as typeof globalThis & { [KEY]?: Set<Listener> }

function listeners(): Set<Listener> {
  store[KEY] ??= new Set()
  return store[KEY]
}

export function onRequestFailed(listener: Listener): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}

export function emitRequestFailed(failure: RequestFailure): void {
  for (const listener of listeners()) {
    try {
      listener(failure)
    } catch (error) {
      console.error("request failure listener failed", error)
    }
  }
}

/**
 * The route pattern behind a concrete path, from the params Next matched: each param's segment
 * becomes `[name]` (a catch-all's segments `[...name]`), so ids do not make one route into many.
 */
export function routePattern(pathname: string, params: Record<string, string>): string {
  const segments = pathname.split("/")
  const replaced = segments.map(() => false)
  for (const [name, value] of Object.entries(params)) {
    if (!value) continue
    const parts = value.split("/")
    for (let i = 1; i + parts.length <= segments.length; i++) {
      const matches = parts.every((part, j) => !replaced[i + j] && decodeSegment(segments[i + j]!) === part)
      if (!matches) continue
      segments.splice(i, parts.length, parts.length > 1 ? `[...${name}]` : `[${name}]`)
      replaced.splice(i, parts.length, true)
      break
    }
  }
  return segments.join("/")
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
