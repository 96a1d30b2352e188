import { createHash } from "node:crypto"
import type { EventProps } from "@/lib/analytics/ingest/schemas"
import type { EventRow } from "@/lib/analytics/ingest/store"
import type { Random } from "./random"

// Who the demo's visitors are and what their events look like, with no I/O: where they are, what
// they browse with, where they came from, and the rows the tracker and track() would have stored.

const COUNTRIES = [
  ["US", 28],
  ["GB", 9],
  ["DE", 8],
  ["IN", 7],
  ["FR", 5],
  ["CA", 5],
  ["BR", 4],
  ["NL", 3],
  ["AU", 3],
  ["ES", 3],
  ["IT", 3],
  ["JP", 3],
  ["PL", 2],
  ["SE", 2],
  ["MX", 2],
  ["TR", 1],
  ["NG", 1],
  ["ZA", 1],
  [null, 2],
] as const

type ClientProfile = { device: string; browser: string; os: string; screen: string; slow: number }

// Names as ua-parser-js gives them (lib/analytics/ingest/user-agent.ts); `slow` scales web vitals.
const CLIENTS: readonly (readonly [ClientProfile, number])[] = [
  [{ device: "desktop", browser: "Chrome", os: "Windows", screen: "1920x1080", slow: 1 }, 24],
  [{ device: "desktop", browser: "Chrome", os: "macOS", screen: "1440x900", slow: 0.9 }, 12],
  [{ device: "desktop", browser: "Safari", os: "macOS", screen: "1512x982", slow: 0.9 }, 8],
  [{ device: "desktop", browser: "Edge", os: "Windows", screen: "1920x1080", slow: 1 }, 6],
  [{ device: "desktop", browser: "Firefox", os: "Windows", screen: "1920x1080", slow: 1.1 }, 4],
  [{ device: "desktop", browser: "Firefox", os: "Linux", screen: "2560x1440", slow: 1 }, 2],
  [{ device: "mobile", browser: "Mobile Safari", os: "iOS", screen: "390x844", slow: 1.3 }, 15],
  [{ device: "mobile", browser: "Mobile Chrome", os: "Android", screen: "412x915", slow: 1.7 }, 13],
  [{ device: "mobile", browser: "Samsung Internet", os: "Android", screen: "360x800", slow: 1.9 }, 3],
  [{ device: "tablet", browser: "Mobile Safari", os: "iOS", screen: "820x1180", slow: 1.2 }, 3],
]

export type Source = {
  referrer: string | null
  utmSource: string | null
  utmMedium: string | null
  utmCampaign: string | null
}

export const NO_SOURCE: Source = { referrer: null, utmSource: null, utmMedium: null, utmCampaign: null }
const direct = NO_SOURCE
const referred = (referrer: string): Source => ({ ...direct, referrer })
const SOURCES: readonly (readonly [Source, number])[] = [
  [direct, 34],
  [referred("google.com"), 24],
  [referred("bing.com"), 3],
  [referred("duckduckgo.com"), 3],
  [referred("reddit.com"), 5],
  [referred("news.ycombinator.com"), 4],
  [referred("linkedin.com"), 3],
  [referred("github.com"), 3],
  [referred("x.com"), 2],
  [{ referrer: "google.com", utmSource: "google", utmMedium: "cpc", utmCampaign: "copilot_search" }, 7],
  [{ referrer: null, utmSource: "newsletter", utmMedium: "email", utmCampaign: "monthly_digest" }, 4],
  [{ referrer: "t.co", utmSource: "twitter", utmMedium: "social", utmCampaign: "launch_week" }, 3],
  [{ referrer: "producthunt.com", utmSource: "producthunt", utmMedium: "referral", utmCampaign: "launch_week" }, 2],
  [{ referrer: "youtube.com", utmSource: "youtube", utmMedium: "video", utmCampaign: "creator_review" }, 2],
]

/** Share of visitors who accept analytics (a stable id across days); the others get a new id every UTC day. */
export const CONSENT_RATE = 0.4

export type Profile = {
  key: string
  consented: boolean
  country: string | null
  client: ClientProfile
  /** Where their first visit came from. */
  source: Source
  /** The landing-page variant they are shown (sticky per visitor), in `props.variant` of views of "/". */
  variant: "a" | "b"
}

export function newProfile(random: Random, key: string): Profile {
  return {
    key,
    consented: random.chance(CONSENT_RATE),
    country: random.weighted(COUNTRIES),
    client: random.weighted(CLIENTS),
    source: random.weighted(SOURCES),
    variant: random.chance(0.5) ? "a" : "b",
  }
}

/** A returning visit: mostly typed in or bookmarked, else any source. */
export function returnSource(random: Random): Source {
  return random.chance(0.6) ? direct : random.weighted(SOURCES)
}

/** The same visit after its first page: the tracker sends the referrer only with the first view; UTM tags stay. */
export function withoutReferrer(source: Source): Source {
  return { ...source, referrer: null }
}

/**
 * The visitor id of the profile's events at `at`: the consented random id (here derived from the
 * profile, so the seed stays deterministic), else the anonymous form for that UTC day, which is
 * what a daily salt makes of one browser.
 */
export function visitorIdOn(profile: Profile, at: Date): string {
  const day = profile.consented ? "consented" : at.toISOString().slice(0, 10)
  return createHash("sha256")
    .update(`demo-visitor\n${profile.key}\n${day}`)
    .digest()
    .subarray(0, 16)
    .toString("base64url")
}

/** A tracker session id: 32 hex digits, as crypto.randomUUID() without dashes. */
export function sessionIdOf(random: Random): string {
  let id = ""
  for (let i = 0; i < 4; i++)
    id += Math.floor(random.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, "0")
  return id
}

/** A server-side business event (track() without a request): visitor `u:<userId>`, no browser. */
export function serverEvent(at: Date, name: string, userId: string, props?: EventProps): EventRow {
  return row(at, name, `u:${userId}`, false, null, userId, null, NO_SOURCE, null, null, props)
}

export type BrowserContext = { profile: Profile; sessionId: string | null; userId: string | null; source: Source }

/** An event the tracker (or track() with the browser's request) stored. */
export function browserEvent(
  context: BrowserContext,
  at: Date,
  name: string,
  path: string | null,
  props?: EventProps,
): EventRow {
  const { profile } = context
  return row(
    at,
    name,
    visitorIdOn(profile, at),
    profile.consented,
    context.sessionId,
    context.userId,
    path,
    context.source,
    profile.country,
    profile.client,
    props,
  )
}

// One literal with every field in a fixed order: the seed makes a million of these, and rows of one
// shape stay cheap (spreading a template object made them several times slower).
function row(
  at: Date,
  name: string,
  visitorId: string,
  consented: boolean,
  sessionId: string | null,
  userId: string | null,
  path: string | null,
  source: Source,
  country: string | null,
  client: ClientProfile | null,
  props: EventProps | undefined,
): EventRow {
  return {
    at,
    name,
    visitorId,
    consented,
    sessionId,
    userId,
    path,
    referrer: source.referrer,
    utmSource: source.utmSource,
    utmMedium: source.utmMedium,
    utmCampaign: source.utmCampaign,
    utmTerm: null,
    utmContent: null,
    country,
    browser: client?.browser ?? null,
    os: client?.os ?? null,
    device: client?.device ?? null,
    screen: client?.screen ?? null,
    props: props ?? null,
  }
}

// Good / needs-improvement limits of web-vitals; values drawn around a typical page load.
const VITALS = [
  { metric: "LCP", base: 1500, spread: 1.2, good: 2500, poor: 4000, digits: 0 },
  { metric: "INP", base: 110, spread: 1.3, good: 200, poor: 500, digits: 0 },
  { metric: "CLS", base: 0.04, spread: 1.6, good: 0.1, poor: 0.25, digits: 4 },
] as const

/** A web vital of one page load; sessionless and without UTM or referrer, as the reporter sends it. */
export function webVital(random: Random, context: BrowserContext, at: Date, path: string): EventRow {
  const vital = VITALS[random.int(0, VITALS.length - 1)]!
  // Log-normal-ish: base × slowness × e^(spread × (sum of two uniforms − 1)).
  const raw = vital.base * context.profile.client.slow * Math.exp(vital.spread * (random.next() + random.next() - 1))
  const value = Number(raw.toFixed(vital.digits))
  const rating = value <= vital.good ? "good" : value <= vital.poor ? "needs-improvement" : "poor"
  return browserEvent({ ...context, sessionId: null, source: NO_SOURCE }, at, "web_vital", path, {
    metric: vital.metric,
    value,
    rating,
  })
}
