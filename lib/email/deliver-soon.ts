import { after } from "next/server"
import { deliverDueEmails } from "./deliver"

// One drain per process at a time: fifty webhooks committing together start one delivery run,
// which goes round again while more mail was queued during it, instead of fifty runs racing for
// the same rows.
let draining: Promise<void> | null = null
let queuedMeanwhile = false

function drainOutbox(): Promise<void> {
  if (draining) {
    queuedMeanwhile = true
    return draining
  }
  draining = (async () => {
    do {
      queuedMeanwhile = false
      await deliverDueEmails()
    } while (queuedMeanwhile)
  })()
    .catch((error: unknown) => console.error("email delivery after response failed", error))
    .finally(() => {
      draining = null
    })
  return draining
}

/**
 * Sends what this request queued right after the response goes out, instead of waiting for the
 * next background tick. Outside a request (tests, scripts) the background loop delivers it.
 */
export function deliverSoon(): void {
  try {
    after(drainOutbox)
  } catch {
    // after() throws outside a request scope; nothing is lost, the message stays queued.
  }
}
