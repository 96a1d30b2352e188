import type { PostHog } from "posthog-js"

// posthog-js in the browser, only when instrumentation-client.ts found NEXT_PUBLIC_POSTHOG_KEY and
// only once the visitor accepted analytics: until then not even the library is downloaded. It goes
// through the same-origin /ingest reverse proxy (next.config.ts), so blockers of third-party hosts
// do not drop it. This module itself is tiny; posthog-js is imported on demand.

export type PostHogBrowserConfig = { key: string; host: string }

type State = { config?: PostHogBrowserConfig; client?: Promise<PostHog>; granted?: boolean; userId?: string | null }
// On window: instrumentation-client.ts and the app's components must share one instance.
const state = (
  typeof window === "undefined" ? {} : ((window as unknown as { __acvPostHog?: State }).__acvPostHog ??= {})
) as State

/** The UI host for links out of the proxied API host: us.i.posthog.com → us.posthog.com. */
export function postHogUiHost(host: string): string {
  return host.replace(/^https:\/\/(us|eu)\.i\.posthog\.com\/?$/, "https://$1.posthog.com")
}

function load(config: PostHogBrowserConfig): Promise<PostHog> {
  state.client ??= import("posthog-js").then(({ default: posthog }) => {
    posthog.init(config.key, {
      api_host: "/ingest",
      ui_host: postHogUiHost(config.host),
      // A fixed snapshot of defaults: an upgrade of posthog-js does not change behaviour by itself.
      defaults: "2026-01-30",
      person_profiles: "identified_only",
    })
    if (state.userId) posthog.identify(state.userId)
    return posthog
  })
  return state.client
}

/** From instrumentation-client.ts: remembers the key and starts at once if consent already stands. */
export function configurePostHog(config: PostHogBrowserConfig, consented: boolean): void {
  state.config = config
  state.granted = consented
  if (consented) void load(config)
}

/** The visitor's choice: accepting starts PostHog (or resumes it); declining stops all capture. */
export function postHogConsentChanged(granted: boolean): void {
  if (!state.config) return
  state.granted = granted
  if (granted)
    void load(state.config).then((posthog) => posthog.has_opted_out_capturing() && posthog.opt_in_capturing())
  else void state.client?.then((posthog) => posthog.opt_out_capturing())
}

/** The signed-in user (the portal's layout knows them): identified once PostHog runs. */
export function identifyPostHogUser(userId: string): void {
  if (state.userId === userId) return
  state.userId = userId
  void state.client?.then((posthog) => posthog.identify(userId))
}

/** Sign-out: a new anonymous identity, so the next person on this browser is not them. */
export function resetPostHogUser(): void {
  state.userId = null
  void state.client?.then((posthog) => {
    posthog.reset()
    // reset() forgets a stored opt-out too: a visitor who declined stays opted out.
    if (!state.granted) posthog.opt_out_capturing()
  })
}
