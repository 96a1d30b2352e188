import { deliverDueEmails } from "@/lib/email/send"
import { flushRequestMetrics } from "@/lib/monitoring/requests/recording"
import { recordResourceSample } from "@/lib/monitoring/resources/samples"

// Work each app instance repeats on a timer. Every loop must be safe with many instances running
// it at once (deliverDueEmails claims each message before sending). A run never overlaps the
// previous one of the same loop.

export type BackgroundLoop = { name: string; everyMs: number; run: () => Promise<unknown> }

export const BACKGROUND_LOOPS: readonly BackgroundLoop[] = [
  // Queued mail goes out within seconds; failed sends come back when their backoff is over.
  { name: "email.deliver", everyMs: 10_000, run: () => deliverDueEmails() },
  // This instance's request histograms are added to the minute and hour rows; a failed flush keeps them for the next.
  { name: "metrics.flush", everyMs: 10_000, run: () => flushRequestMetrics() },
  // CPU, memory, event-loop delay, database round trip, pool and disk use of this instance.
  { name: "resources.sample", everyMs: 15_000, run: () => recordResourceSample() },
]

/** Starts every loop; returns a function that stops them. Timers do not keep the process alive. */
export function startBackgroundLoops(
  loops: readonly BackgroundLoop[] = BACKGROUND_LOOPS,
  log: (line: string) => void = console.error,
): () => void {
  const timers = loops.map((loop) => {
    let running = false
    const tick = async () => {
      if (running) return
      running = true
      try {
        await loop.run()
      } catch (error) {
        log(`[background ${loop.name}] ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        running = false
      }
    }
    const timer = setInterval(() => void tick(), loop.everyMs)
    timer.unref()
    return timer
  })
  return () => timers.forEach(clearInterval)
}
