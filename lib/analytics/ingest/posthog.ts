import type { PostHog } from "posthog-node"
import { env } from "@/lib/env"

// The server's PostHog client, only when NEXT_PUBLIC_POSTHOG_KEY is set: posthog-node is imported on
// first use, so without the key it is never even loaded. It queues captures and sends them in
// batches (100 events or every 5 s) from the background; send failures are logged, never thrown.
// No SIGTERM hook of its own (a listener would keep plain scripts from exiting): what is queued when
// the process stops, at most 5 s of events, is lost to PostHog but stored here all the same.

const FLUSH_AT = 100
const FLUSH_INTERVAL_MS = 5_000

// On globalThis: Next may load this module in several bundles, and they must share one queue.
const state = globalThis as unknown as { postHogServer?: Promise<PostHog | undefined>; postHogKey?: string }

async function create(key: string, host: string): Promise<PostHog> {
  const { PostHog } = await import("posthog-node")
  const client = new PostHog(key, { host, flushAt: FLUSH_AT, flushInterval: FLUSH_INTERVAL_MS })
  client.on("error", (error: unknown) =>
    console.error("[analytics] PostHog forwarding failed:", error instanceof Error ? error.message : error),
  )
  return client
}

/** The shared client, or undefined without a key (nothing is created then). */
export function postHogServer(): Promise<PostHog | undefined> | undefined {
  const { NEXT_PUBLIC_POSTHOG_KEY: key, NEXT_PUBLIC_POSTHOG_HOST: host } = env()
  if (!key) return undefined
  // A changed key (tests) gets a new client; the old one is left to flush on its own timer.
  if (!state.postHogServer || state.postHogKey !== key) {
    state.postHogKey = key
    state.postHogServer = create(key, host).catch((error: unknown) => {
      console.error(
        "[analytics] PostHog could not start; events are not forwarded:",
        error instanceof Error ? error.message : error,
      )
      return undefined
    })
  }
  return state.postHogServer
}

/** Sends what is queued and stops the client (process shutdown, tests). */
export async function shutdownPostHogServer(timeoutMs = 5_000): Promise<void> {
  const pending = state.postHogServer
  state.postHogServer = undefined
  state.postHogKey = undefined
  const client = await pending
  await client?.shutdown(timeoutMs)
}
