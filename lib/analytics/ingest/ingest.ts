import { env } from "@/lib/env"
import { AppError } from "@/lib/errors"
import { consumeRateLimit } from "@/lib/rate-limit/limiter"
import { forwardEvents } from "./forward"
import { countryOf } from "./geo"
import { daySalt, loadedSalt, saltDayFor } from "./salts"
import type { AnalyticsEventInput, EventProps } from "./schemas"
import { type EventRow, storeEvents } from "./store"
import { cleanPath, referrerHost } from "./url"
import { type Client, parseUserAgent } from "./user-agent"
import { anonymousVisitorId, consentedVisitorId } from "./visitor"

/**
 * What a request tells about its sender, as plain data (the route builds it with `requestOrigin` in
 * lib/http/request-origin.ts). The address (null when no trusted proxy reports it) is used for the
 * hash, the country and the address limit, never stored. `ownHosts` are this app's (the request's
 * host and NEXTAUTH_URL's), `cdnCountry` the ANALYTICS_COUNTRY_HEADER a trusted CDN sent, if any.
 */
export type RequestOrigin = {
  ip: string | null
  userAgent: string
  host: string
  ownHosts: string[]
  cookieHeader: string | null
  cdnCountry: string | null
}

export type Visitor = { visitorId: string; consented: boolean }

/**
 * The consent cookie's id when consent stands; else the anonymous id under the salt of the event's
 * day (today or yesterday), when that salt is already loaded. Whatever visitorId the client sends is
 * not taken: an id the server did not issue would let anyone write events as anyone.
 */
function knownVisitor(origin: RequestOrigin, saltDay: string, now: Date): Visitor | undefined {
  const cookieId = consentedVisitorId(origin.cookieHeader)
  if (cookieId) return { visitorId: cookieId, consented: true }
  const salt = loadedSalt(saltDay, now)
  return salt === undefined ? undefined : anonymousVisitor(origin, salt)
}

function anonymousVisitor(origin: RequestOrigin, salt: string): Visitor {
  return {
    visitorId: anonymousVisitorId({ salt, ip: origin.ip ?? "", userAgent: origin.userAgent, host: origin.host }),
    consented: false,
  }
}

/**
 * The visitor of each salt day among `times` (one hash per day, not per event). Every request but
 * a day's first finds its salt loaded and awaits nothing: ingestion's cost is mostly per promise.
 */
export async function visitorsByDay(
  origin: RequestOrigin,
  times: readonly Date[],
  now: Date,
): Promise<Map<string, Visitor>> {
  const visitors = new Map<string, Visitor>()
  for (const at of times) {
    const day = saltDayFor(at, now)
    if (visitors.has(day)) continue
    visitors.set(day, knownVisitor(origin, day, now) ?? anonymousVisitor(origin, await daySalt(day, now)))
  }
  return visitors
}

/** Event time: the client's, but never in the future (clocks drift); now when it sent none. */
export function eventTime(ts: string | undefined, now: Date): Date {
  if (!ts) return now
  const at = new Date(ts)
  return at > now ? now : at
}

const ADDRESS_FIELDS = [
  "path",
  "referrer",
  "utmSource",
  "utmMedium",
  "utmCampaign",
  "utmTerm",
  "utmContent",
] as const satisfies readonly (keyof EventRow)[]
const ADDRESS_PROP = /^\$?ip(_?address)?$/i

/** Drops anything that carries the sender's address: the address is never stored, even by accident. */
export function scrubAddress(row: EventRow, ip: string | null): EventRow {
  if (!ip) return row
  const propCarries = ([key, value]: [string, unknown]) =>
    ADDRESS_PROP.test(key) || (typeof value === "string" && value.includes(ip))
  const entries = row.props ? Object.entries(row.props) : []
  // Almost every row carries nothing: keep it as it is.
  if (!ADDRESS_FIELDS.some((field) => row[field]?.includes(ip)) && !entries.some(propCarries)) return row
  const props = Object.fromEntries(entries.filter((entry) => !propCarries(entry))) as EventProps
  const scrubbed = { ...row, props: Object.keys(props).length ? props : null }
  for (const field of ADDRESS_FIELDS) if (scrubbed[field]?.includes(ip)) scrubbed[field] = null
  return scrubbed
}

type RowContext = {
  origin: RequestOrigin
  client: Client
  country: string | null
  userId: string | null
  now: Date
  visitors: Map<string, Visitor>
}

/** One stored row from one validated event at `at`; `context.visitors` holds the visitor of its salt day. */
export function buildRow(event: AnalyticsEventInput, at: Date, context: RowContext): EventRow {
  const visitor = context.visitors.get(saltDayFor(at, context.now))
  if (!visitor) throw new Error(`no visitor for the salt day of ${at.toISOString()}`)
  const row: EventRow = {
    at,
    name: event.name,
    ...visitor,
    sessionId: event.sessionId ?? null,
    userId: context.userId,
    path: cleanPath(event.path),
    referrer: referrerHost(event.referrer, context.origin.ownHosts),
    utmSource: event.utm?.source ?? null,
    utmMedium: event.utm?.medium ?? null,
    utmCampaign: event.utm?.campaign ?? null,
    utmTerm: event.utm?.term ?? null,
    utmContent: event.utm?.content ?? null,
    country: context.country,
    browser: context.client.browser,
    os: context.client.os,
    device: context.client.device,
    screen: event.screen ?? null,
    props: event.props && Object.keys(event.props).length ? event.props : null,
  }
  return scrubAddress(row, context.origin.ip)
}

/**
 * A validated batch from a browser: bots are dropped (accepted 0), the address and then the visitor
 * are rate-limited by event count, and the rows are stored through the group commit. Resolves only
 * once they are committed; a failed flush rejects with 503 (422 when the database refused a value of
 * this batch alone), and then nothing of the batch is stored.
 */
export async function ingestBatch(input: {
  origin: RequestOrigin
  events: AnalyticsEventInput[]
  userId: string | null
}): Promise<{ accepted: number }> {
  const { origin } = input
  const client = parseUserAgent(origin.userAgent)
  if (client.bot) return { accepted: 0 }
  // By address first: the visitor's own limit keys on a cookie the client chooses. Senders whose
  // address is unknown (no trusted proxy) share one allowance.
  const byAddress = await consumeRateLimit(
    { name: "events-address", points: env().ANALYTICS_EVENTS_PER_ADDRESS_PER_MINUTE, durationSeconds: 60 },
    `address:${origin.ip ?? "unknown"}`,
    input.events.length,
  )
  if (!byAddress.allowed)
    throw new AppError("rate_limited", "too many events from this address, slow down", {
      retryAfterSeconds: byAddress.retryAfterSeconds,
    })
  const now = new Date()
  const times = input.events.map((event) => eventTime(event.ts, now))
  // Today's visitor first: the rate limit counts it, whatever days the events carry.
  const visitors = await visitorsByDay(origin, [now, ...times], now)
  const limit = await consumeRateLimit(
    { name: "events", points: env().ANALYTICS_EVENTS_PER_MINUTE, durationSeconds: 60 },
    `visitor:${visitors.get(saltDayFor(now, now))!.visitorId}`,
    input.events.length,
  )
  if (!limit.allowed)
    throw new AppError("rate_limited", "too many events from this visitor, slow down", {
      retryAfterSeconds: limit.retryAfterSeconds,
    })
  const context: RowContext = {
    origin,
    client,
    country: await countryOf(origin.cdnCountry, origin.ip),
    userId: input.userId,
    now,
    visitors,
  }
  const rows = input.events.map((event, i) => buildRow(event, times[i]!, context))
  await storeEvents(rows)
  // After the commit and not awaited: PostHog never delays or fails ingestion.
  forwardEvents(rows)
  return { accepted: rows.length }
}
