import type { EventMessage } from "posthog-node"
import { env } from "@/lib/env"
import { postHogServer } from "./posthog"
import type { EventRow } from "./store"

// Stored events go on to PostHog when it is configured, after they are committed here. Fire and
// forget: forwardEvents returns at once, never throws, and PostHog being slow or down changes
// nothing for ingestion (posthog-node queues, batches and retries on its own).

/** PostHog's message for one stored row. No address or user agent leaves: only what we stored. */
export function postHogMessage(row: EventRow, siteUrl?: string): EventMessage {
  const pageView = row.name === "page_view"
  const properties: Record<string, unknown> = {
    // Anonymous visitors (the daily hash) get no person profile; signed-in users do.
    $process_person_profile: row.userId !== null,
    $session_id: row.sessionId ?? undefined,
    $pathname: row.path ?? undefined,
    $current_url: row.path && siteUrl ? new URL(row.path, siteUrl).toString() : undefined,
    $referring_domain: row.referrer ?? undefined,
    $browser: row.browser ?? undefined,
    $os: row.os ?? undefined,
    $device_type: row.device ?? undefined,
    $screen: row.screen ?? undefined,
    utm_source: row.utmSource ?? undefined,
    utm_medium: row.utmMedium ?? undefined,
    utm_campaign: row.utmCampaign ?? undefined,
    utm_term: row.utmTerm ?? undefined,
    utm_content: row.utmContent ?? undefined,
    country: row.country ?? undefined,
    visitor_id: row.visitorId,
    consented: row.consented,
    ...row.props,
  }
  return {
    distinctId: row.userId ?? row.visitorId,
    event: pageView ? "$pageview" : row.name,
    timestamp: row.at,
    properties: Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)),
    // The server's address says nothing about the visitor; the country travels as a property.
    disableGeoip: true,
  }
}

/** Queues the rows for PostHog; a no-op without NEXT_PUBLIC_POSTHOG_KEY. */
export function forwardEvents(rows: readonly EventRow[]): void {
  if (rows.length === 0) return
  try {
    const client = postHogServer()
    if (!client) return
    const siteUrl = env().NEXTAUTH_URL
    client
      .then((posthog) => {
        for (const row of rows) posthog?.capture(postHogMessage(row, siteUrl))
      })
      .catch((error: unknown) =>
        console.error("[analytics] events not forwarded to PostHog:", error instanceof Error ? error.message : error),
      )
  } catch (error) {
    console.error("[analytics] events not forwarded to PostHog:", error instanceof Error ? error.message : error)
  }
}
