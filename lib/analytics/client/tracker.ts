import { referrerHost, type Utm, utmFromSearch } from "@/lib/analytics/ingest/url"

// The first-party browser tracker: no dependency, no cookie of its own. Events wait in memory and
// leave in batches: every 5 s with fetch(keepalive), and with sendBeacon when the page is hidden or
// left. Events the server could not take (429, 503, network) stay queued and are retried later; the
// queue holds at most 500 (the oldest go first). The session id lives in sessionStorage (one tab)
// before consent and in localStorage (every tab) after; a session ends after 30 idle minutes.

export type TrackedEvent = {
  name: string
  path: string
  ts: string
  /** Absent for sessionless events (web vitals). */
  sessionId?: string
  referrer?: string
  utm?: Utm
  screen?: string
  props?: Record<string, string | number | boolean | null>
}

type Session = { id: string; last: number; utm?: Utm }
export type TrackOptions = { path?: string; sessionless?: boolean }

/** What the tracker needs from the browser; tests pass their own. */
export type TrackerEnvironment = {
  now: () => number
  location: () => { pathname: string; search: string; hostname: string }
  referrer: () => string
  screen: () => string | undefined
  storage: (persistent: boolean) => Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined
  post: (body: string) => Promise<{ status: number; retryAfterSeconds?: number }>
  beacon: (body: string) => boolean
  random: () => string
}

export const ENDPOINT = "/api/events"
const MAX_QUEUE = 500
const MAX_BATCH = 100
/** Under the server's 64 KB and the browser's 64 KB budget for keepalive bodies in flight. */
const MAX_BATCH_BYTES = 60_000
const FLUSH_EVERY_MS = 5_000
const MAX_BACKOFF_MS = 60_000
export const SESSION_IDLE_MS = 30 * 60_000
const SESSION_KEY = "acv_session"

export function createTracker(env: TrackerEnvironment) {
  let queue: TrackedEvent[] = []
  let sending = false
  let consented = false
  let landed = false
  let retryAt = 0
  let backoff = FLUSH_EVERY_MS
  let memorySession: Session | undefined

  function readSession(): Session | undefined {
    try {
      const raw = env.storage(consented)?.getItem(SESSION_KEY)
      return raw ? (JSON.parse(raw) as Session) : memorySession
    } catch {
      return memorySession
    }
  }

  function writeSession(session: Session): void {
    memorySession = session
    try {
      env.storage(consented)?.setItem(SESSION_KEY, JSON.stringify(session))
    } catch {
      // storage full or blocked: the in-memory session carries on
    }
  }

  /** The current session, renewed after 30 idle minutes; UTM tags of the URL restart its attribution. */
  function touchSession(): Session {
    const now = env.now()
    const utm = utmFromSearch(env.location().search)
    const current = readSession()
    const session: Session =
      current && now - current.last < SESSION_IDLE_MS ? { ...current, last: now } : { id: env.random(), last: now }
    if (utm) session.utm = utm
    writeSession(session)
    return session
  }

  function enqueue(event: TrackedEvent): void {
    queue.push(event)
    if (queue.length > MAX_QUEUE) queue = queue.slice(queue.length - MAX_QUEUE)
    if (queue.length >= MAX_BATCH) void flush()
  }

  /**
   * A named event on the current page. `path` names another page (a measurement over a page's
   * life, like web vitals); `sessionless` sends it outside any session, neither extending nor
   * joining one (a measurement is not something the visitor did).
   */
  function track(name: string, props?: TrackedEvent["props"], options: TrackOptions = {}): void {
    const { pathname } = env.location()
    const path = options.path ?? pathname
    const ts = new Date(env.now()).toISOString()
    if (options.sessionless) return enqueue({ name, path, ts, screen: env.screen(), props })
    const session = touchSession()
    enqueue({ name, path, ts, sessionId: session.id, utm: session.utm, screen: env.screen(), props })
  }

  /** A page view; the first of this document carries the referring site (never our own). */
  function pageView(): void {
    const session = touchSession()
    const { pathname, hostname } = env.location()
    const referrer = landed ? null : referrerHost(env.referrer(), [hostname])
    landed = true
    enqueue({
      name: "page_view",
      path: pathname,
      ts: new Date(env.now()).toISOString(),
      sessionId: session.id,
      utm: session.utm,
      screen: env.screen(),
      ...(referrer ? { referrer } : {}),
    })
  }

  /** The next batch: up to 100 events and 60 KB, taken off the queue. */
  function takeBatch(): TrackedEvent[] {
    const batch: TrackedEvent[] = []
    let bytes = 20
    while (queue.length && batch.length < MAX_BATCH) {
      const size = JSON.stringify(queue[0]).length + 1
      if (batch.length && bytes + size > MAX_BATCH_BYTES) break
      bytes += size
      batch.push(queue.shift()!)
    }
    return batch
  }

  function requeue(batch: TrackedEvent[]): void {
    queue = [...batch, ...queue].slice(-MAX_QUEUE)
  }

  /** Sends one batch with fetch; what the server could not take yet goes back in the queue. */
  async function flush(): Promise<void> {
    if (sending || queue.length === 0 || env.now() < retryAt) return
    sending = true
    const batch = takeBatch()
    try {
      const response = await env.post(JSON.stringify({ events: batch }))
      if (response.status === 429 || response.status >= 500) {
        requeue(batch)
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
        retryAt = env.now() + Math.max(backoff, (response.retryAfterSeconds ?? 0) * 1000)
      } else {
        // Accepted, or refused for good (400, 413, 422): either way, sending it again cannot help.
        backoff = FLUSH_EVERY_MS
        retryAt = 0
      }
    } catch {
      requeue(batch)
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)
      retryAt = env.now() + backoff
    } finally {
      sending = false
    }
    if (queue.length >= MAX_BATCH && retryAt === 0) void flush()
  }

  /** The page is going away: everything left goes by beacon (the browser delivers it after unload). */
  function flushByBeacon(): void {
    while (queue.length) {
      const batch = takeBatch()
      if (!env.beacon(JSON.stringify({ events: batch }))) {
        requeue(batch)
        return
      }
    }
  }

  /** After the visitor's choice: the session moves to localStorage (granted) or back to this tab only. */
  function setConsent(granted: boolean): void {
    if (granted === consented) return
    const session = readSession()
    try {
      env.storage(consented)?.removeItem(SESSION_KEY)
    } catch {
      // nothing to remove
    }
    consented = granted
    if (session) writeSession(session)
  }

  return {
    track,
    pageView,
    flush,
    flushByBeacon,
    setConsent,
    pending: () => queue.length,
    flushEveryMs: FLUSH_EVERY_MS,
  }
}

export type Tracker = ReturnType<typeof createTracker>

function browserEnvironment(): TrackerEnvironment {
  return {
    now: () => Date.now(),
    location: () => window.location,
    referrer: () => document.referrer,
    screen: () => `${window.screen.width}x${window.screen.height}`,
    storage: (persistent) => (persistent ? window.localStorage : window.sessionStorage),
    post: async (body) => {
      const response = await fetch(ENDPOINT, {
        method: "POST",
        body,
        headers: { "content-type": "application/json" },
        keepalive: true,
        credentials: "same-origin",
      })
      const retryAfter = Number(response.headers.get("retry-after"))
      return { status: response.status, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined }
    },
    beacon: (body) => navigator.sendBeacon(ENDPOINT, new Blob([body], { type: "application/json" })),
    random: () => crypto.randomUUID().replaceAll("-", ""),
  }
}

let browserTracker: Tracker | undefined

/** The page's tracker, started on first use: the 5-second sender and the page-hide beacon. */
function tracker(): Tracker | undefined {
  if (typeof window === "undefined") return undefined
  if (!browserTracker) {
    const created = createTracker(browserEnvironment())
    browserTracker = created
    created.setConsent(document.cookie.split(";").some((part) => part.trim() === "acv_consent=granted"))
    window.setInterval(() => void created.flush(), created.flushEveryMs)
    document.addEventListener(
      "visibilitychange",
      () => document.visibilityState === "hidden" && created.flushByBeacon(),
    )
    window.addEventListener("pagehide", () => created.flushByBeacon())
  }
  return browserTracker
}

/** Records a named event from app code: `track("plan_compared", { plan: "annual" })`. */
export function track(name: string, props?: TrackedEvent["props"], options?: TrackOptions): void {
  tracker()?.track(name, props, options)
}

export function trackPageView(): void {
  tracker()?.pageView()
}

export function setTrackerConsent(granted: boolean): void {
  tracker()?.setConsent(granted)
}
