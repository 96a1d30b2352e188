import { env } from "@/lib/env"
import { AppError } from "@/lib/http/errors"
import { clientAddress, consumeRateLimit } from "@/lib/http/rate-limit"
import { forwardEvents } from "./forward"
import { countryOf } from "./geo"
import { daySalt, saltDayFor } from "./salts"
import type { AnalyticsEventInput, EventProps } from "./schemas"
import { type EventRow, storeEvents } from "./store"
import { cleanPath, referrerHost } from "./url"
import { type Client, parseUserAgent } from "./user-agent"
import { anonymousVisitorId, consentedVisitorId } from "./visitor"

/** What a request tells about its sender. The address is used for the hash and the country, never stored. */
export type RequestOrigin = { ip: string; userAgent: string; host: string; ownHosts: string[]; cookieHeader: string | null; headers: Headers }

export function requestOrigin(request: Request): RequestOrigin {
  const host = new URL(request.url).hostname.toLowerCase()
  const configured = env().NEXTAUTH_URL
  const ownHosts = configured ? [host, new URL(configured).hostname.toLowerCase()] : [host]
  return { ip: clientAddress(request), userAgent: request.headers.get("user-agent") ?? "", host, ownHosts, cookieHeader: request.headers.get("cookie"), headers: request.headers }
}

export type Visitor = { visitorId: string; consented: boolean }

/**
 * The consent cookie's id when consent stands; else the anonymous id under the salt of the event's
 * day (today or yesterday). Whatever visitorId the client sends is not taken: an id the server did
 * not issue would let anyone write events as anyone.
 */
export async function resolveVisitor(origin: RequestOrigin, at: Date, now = new Date()): Promise<Visitor> {
  const cookieId = consentedVisitorId(origin.cookieHeader)
  if (cookieId) return { visitorId: cookieId, consented: true }
  const salt = await daySalt(saltDayFor(at, now), now)
  return { visitorId: anonymousVisitorId({ salt, ip: origin.ip, userAgent: origin.userAgent, host: origin.host }), consented: false }
}

/** Event time: the client's, but never in the future (clocks drift); now when it sent none. */
export function eventTime(ts: string | undefined, now: Date): Date {
  if (!ts) return now
  const at = new Date(ts)
  return at > now ? now : at
}

/** Drops anything that carries the sender's address: the address is never stored, even by accident. */
export function scrubAddress(row: EventRow, ip: string): EventRow {
  if (!ip || ip === "local") return row
  const clean = (value: string | null) => (value?.includes(ip) ? null : value)
  const props = row.props ? (Object.fromEntries(Object.entries(row.props).filter(([key, value]) => !/^\$?ip(_?address)?$/i.test(key) && !(typeof value === "string" && value.includes(ip)))) as EventProps) : null
  return {
    ...row,
    path: clean(row.path),
    referrer: clean(row.referrer),
    utmSource: clean(row.utmSource),
    utmMedium: clean(row.utmMedium),
    utmCampaign: clean(row.utmCampaign),
    utmTerm: clean(row.utmTerm),
    utmContent: clean(row.utmContent),
    props: props && Object.keys(props).length ? props : null,
  }
}

type RowContext = { origin: RequestOrigin; client: Client; country: string | null; userId: string | null; now: Date; visitors?: Map<string, Promise<Visitor>> }

/** One stored row from one validated event. */
export async function buildRow(event: AnalyticsEventInput, context: RowContext): Promise<EventRow> {
  const at = eventTime(event.ts, context.now)
  // One hash per salt day of the batch, not one per event.
  const day = saltDayFor(at, context.now)
  let visitor = context.visitors?.get(day)
  if (!visitor) {
    visitor = resolveVisitor(context.origin, at, context.now)
    context.visitors?.set(day, visitor)
  }
  const row: EventRow = {
    at,
    name: event.name,
    ...(await visitor),
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
 * A validated batch from a browser: bots are dropped (accepted 0), the visitor is rate-limited by
 * event count, and the rows are stored through the group commit. Resolves only once they are
 * committed; a failed flush rejects with 503, and then nothing of the batch is stored.
 */
export async function ingestBatch(input: { request: Request; events: AnalyticsEventInput[]; userId: string | null }): Promise<{ accepted: number }> {
  const origin = requestOrigin(input.request)
  const client = parseUserAgent(origin.userAgent)
  if (client.bot) return { accepted: 0 }
  const now = new Date()
  const today = resolveVisitor(origin, now, now)
  const visitors = new Map([[saltDayFor(now, now), today]])
  const limit = await consumeRateLimit({ name: "events", points: env().ANALYTICS_EVENTS_PER_MINUTE, durationSeconds: 60 }, `visitor:${(await today).visitorId}`, input.events.length)
  if (!limit.allowed) throw new AppError("rate_limited", "too many events from this visitor, slow down", { retryAfterSeconds: limit.retryAfterSeconds })
  const context: RowContext = { origin, client, country: await countryOf(origin.headers, origin.ip), userId: input.userId, now, visitors }
  const rows = await Promise.all(input.events.map((event) => buildRow(event, context)))
  await storeEvents(rows)
  // After the commit and not awaited: PostHog never delays or fails ingestion.
  forwardEvents(rows)
  return { accepted: rows.length }
}
