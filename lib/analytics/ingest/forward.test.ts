import { afterEach, beforeEach, expect, test, vi } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { forwardEvents, postHogMessage } from "./forward"
import { postHogServer, shutdownPostHogServer } from "./posthog"
import type { EventRow } from "./store"

const constructed = vi.hoisted(() => ({ count: 0, captured: [] as unknown[] }))
vi.mock("posthog-node", () => ({
  PostHog: class {
    constructor() {
      constructed.count += 1
    }
    on() {}
    capture(message: unknown) {
      constructed.captured.push(message)
    }
    async shutdown() {}
  },
}))

const row: EventRow = {
  at: new Date("2026-11-20T10:00:00Z"),
  name: "page_view",
  visitorId: "v1",
  consented: false,
  sessionId: "s1234567",
  userId: null,
  path: "/pricing",
  referrer: "news.example",
  utmSource: "newsletter",
  utmMedium: null,
  utmCampaign: "launch",
  utmTerm: null,
  utmContent: null,
  country: "DE",
  browser: "Firefox",
  os: "Linux",
  device: "desktop",
  screen: "1280x720",
  props: null,
}

beforeEach(() => {
  constructed.count = 0
  constructed.captured = []
})
afterEach(async () => {
  await shutdownPostHogServer()
  vi.unstubAllEnvs()
  resetEnvCache()
})

test("without a key nothing of PostHog is created and forwarding does nothing", async () => {
  vi.stubEnv("NEXT_PUBLIC_POSTHOG_KEY", "")
  resetEnvCache()
  expect(postHogServer()).toBeUndefined()
  forwardEvents([row])
  await new Promise((resolve) => setTimeout(resolve, 10))
  expect(constructed.count).toBe(0)
  expect(constructed.captured).toEqual([])
})

test("with a key one client queues every row", async () => {
  vi.stubEnv("NEXT_PUBLIC_POSTHOG_KEY", "phc_test")
  resetEnvCache()
  forwardEvents([row, { ...row, name: "checkout_started", userId: "user_1" }])
  await postHogServer()
  await new Promise((resolve) => setTimeout(resolve, 0))
  expect(constructed.count).toBe(1)
  expect(constructed.captured).toHaveLength(2)
})

test("a page view becomes $pageview; anonymous visitors get no person profile", () => {
  const message = postHogMessage(row, "https://copilot.example")
  expect(message).toMatchObject({ distinctId: "v1", event: "$pageview", timestamp: row.at, disableGeoip: true })
  expect(message.properties).toEqual({
    $process_person_profile: false,
    $session_id: "s1234567",
    $pathname: "/pricing",
    $current_url: "https://copilot.example/pricing",
    $referring_domain: "news.example",
    $browser: "Firefox",
    $os: "Linux",
    $device_type: "desktop",
    $screen: "1280x720",
    utm_source: "newsletter",
    utm_campaign: "launch",
    country: "DE",
    visitor_id: "v1",
    consented: false,
  })
  const signedIn = postHogMessage({
    ...row,
    name: "feature_used",
    userId: "user_1",
    props: { feature: "plan_changed" },
  })
  expect(signedIn).toMatchObject({
    distinctId: "user_1",
    event: "feature_used",
    properties: { $process_person_profile: true, feature: "plan_changed" },
  })
})
