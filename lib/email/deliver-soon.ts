import { after } from "next/server"
import { deliverQueuedEmails } from "./deliver"

/**
 * Sends what this request queued right after the response goes out, instead of waiting for the
 * next background tick. Outside a request (tests, scripts) the background loop delivers it.
 */
export function deliverSoon(): void {
  try {
    after(async () => {
      await deliverQueuedEmails().catch((error: unknown) => console.error("email delivery after response failed", error))
    })
  } catch {
    // after() throws outside a request scope; nothing is lost, the message stays queued.
  }
}
