// Every wrapped request is timed; monitoring subscribes here rather than the wrapper knowing it.
export type RequestTiming = { route: string; method: string; status: number; durationMs: number; requestId: string }
type Listener = (timing: RequestTiming) => void

const listeners = new Set<Listener>()

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
