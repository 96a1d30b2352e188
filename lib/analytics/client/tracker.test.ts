import { expect, test } from "vitest"
import { createTracker, SESSION_IDLE_MS, type TrackedEvent, type TrackerEnvironment } from "./tracker"

type Batch = { events: TrackedEvent[] }

function fakeBrowser(start = Date.parse("2026-11-26T10:00:00Z")) {
  let now = start
  let ids = 0
  const statuses: (number | "network")[] = []
  const posted: Batch[] = []
  const beaconed: Batch[] = []
  const stores = { session: new Map<string, string>(), local: new Map<string, string>() }
  const location = { pathname: "/", search: "", hostname: "aicopilotvibe.test" }
  const storage = (map: Map<string, string>) => ({
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  })
  const env: TrackerEnvironment = {
    now: () => now,
    location: () => location,
    referrer: () => "https://www.google.com/search?q=copilot",
    screen: () => "1280x720",
    storage: (persistent) => storage(persistent ? stores.local : stores.session),
    post: async (body) => {
      posted.push(JSON.parse(body) as Batch)
      const status = statuses.shift() ?? 202
      if (status === "network") throw new TypeError("Failed to fetch")
      return { status }
    },
    beacon: (body) => (beaconed.push(JSON.parse(body) as Batch), true),
    random: () => `session${++ids}`,
  }
  return { env, posted, beaconed, statuses, stores, location, advance: (ms: number) => (now += ms) }
}

test("the first page view carries the referring host and the landing page's UTM tags; later events keep the UTM", async () => {
  const browser = fakeBrowser()
  browser.location.search = "?utm_source=newsletter&utm_campaign=launch"
  const tracker = createTracker(browser.env)
  tracker.pageView()
  browser.location.pathname = "/pricing"
  browser.location.search = ""
  tracker.pageView()
  tracker.track("plan_compared", { plan: "annual" })
  await tracker.flush()
  const [landing, pricing, compared] = browser.posted[0]!.events
  expect(landing).toMatchObject({
    name: "page_view",
    path: "/",
    referrer: "google.com",
    utm: { source: "newsletter", campaign: "launch" },
    sessionId: "session1",
    screen: "1280x720",
  })
  expect(pricing).toMatchObject({
    name: "page_view",
    path: "/pricing",
    sessionId: "session1",
    utm: { source: "newsletter" },
  })
  expect(pricing!.referrer).toBeUndefined()
  expect(compared).toMatchObject({ name: "plan_compared", props: { plan: "annual" }, sessionId: "session1" })
  expect(tracker.pending()).toBe(0)
})

test("a session ends after 30 idle minutes; activity keeps it going", () => {
  const browser = fakeBrowser()
  const tracker = createTracker(browser.env)
  tracker.track("a")
  browser.advance(SESSION_IDLE_MS - 1000)
  tracker.track("b")
  browser.advance(SESSION_IDLE_MS - 1000)
  tracker.track("c")
  browser.advance(SESSION_IDLE_MS)
  tracker.track("d")
  tracker.flushByBeacon()
  expect(browser.beaconed[0]!.events.map((e) => e.sessionId)).toEqual(["session1", "session1", "session1", "session2"])
})

test("before consent the session lives in sessionStorage; after, in localStorage", () => {
  const browser = fakeBrowser()
  const tracker = createTracker(browser.env)
  tracker.track("a")
  expect([...browser.stores.session.keys()]).toEqual(["acv_session"])
  expect(browser.stores.local.size).toBe(0)
  tracker.setConsent(true)
  tracker.track("b")
  expect(browser.stores.session.size).toBe(0)
  expect(JSON.parse(browser.stores.local.get("acv_session")!).id).toBe("session1")
})

test("503, 429 and network errors keep the events for a later try; 422 drops them", async () => {
  const browser = fakeBrowser()
  const tracker = createTracker(browser.env)
  browser.statuses.push(503, "network", 429, 202)
  tracker.track("a")
  await tracker.flush()
  expect(tracker.pending()).toBe(1)
  await tracker.flush() // backing off: nothing sent
  expect(browser.posted).toHaveLength(1)
  for (let i = 0; i < 3; i++) {
    browser.advance(60_000)
    await tracker.flush()
  }
  expect(browser.posted.map((b) => b.events.map((e) => e.name))).toEqual([["a"], ["a"], ["a"], ["a"]])
  expect(tracker.pending()).toBe(0)
  browser.statuses.push(422)
  tracker.track("bad")
  await tracker.flush()
  expect(tracker.pending()).toBe(0)
})

test("batches hold at most 100 events, and the queue at most 500 (the oldest dropped)", async () => {
  const browser = fakeBrowser()
  const tracker = createTracker(browser.env)
  browser.statuses.push(...Array.from({ length: 20 }, () => 503))
  for (let i = 0; i < 650; i++) tracker.track(`e${i}`)
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(tracker.pending()).toBe(500)
  browser.statuses.length = 0
  browser.advance(120_000)
  tracker.flushByBeacon()
  const sizes = browser.beaconed.map((b) => b.events.length)
  expect(sizes).toEqual([100, 100, 100, 100, 100])
  expect(browser.beaconed[0]!.events[0]!.name).toBe("e150")
  expect(browser.beaconed[4]!.events[99]!.name).toBe("e649")
})

test("a sessionless event names its own page and neither joins nor extends the session", async () => {
  const browser = fakeBrowser()
  const tracker = createTracker(browser.env)
  tracker.pageView()
  browser.advance(SESSION_IDLE_MS - 1000)
  browser.location.pathname = "/pricing"
  tracker.track("web_vital", { metric: "CLS", value: 0.02, rating: "good" }, { path: "/", sessionless: true })
  browser.advance(2000)
  tracker.track("plan_compared")
  await tracker.flush()
  const [, vital, compared] = browser.posted[0]!.events
  expect(vital).toMatchObject({ name: "web_vital", path: "/", props: { metric: "CLS" } })
  expect(vital!.sessionId).toBeUndefined()
  // 31 minutes after the page view, with only the vital in between: a new session.
  expect(compared).toMatchObject({ path: "/pricing", sessionId: "session2" })
})
