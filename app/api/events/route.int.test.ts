import { randomBytes } from "node:crypto"
import { afterEach, beforeEach, describe, expect, test } from "vitest"
import { storeStats } from "@/lib/analytics/ingest/store"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { onRequestFailed, type RequestFailure } from "@/lib/http/failures"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { POST } from "./route"

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"

type Headers = Record<string, string>
const send = (body: unknown, headers: Headers = {}, cookie?: string) =>
  callRoute(POST, "POST", "/api/events", {
    body,
    cookie,
    headers: { "user-agent": CHROME, "x-forwarded-for": "203.0.113.10", ...headers },
  })
const tagged = (tag: string, count: number, extra: Record<string, unknown> = {}) => ({
  events: Array.from({ length: count }, (_, i) => ({ name: "page_view", path: `/t/${tag}`, props: { i }, ...extra })),
})
const rowsTagged = (tag: string) => db.analyticsEvent.count({ where: { path: `/t/${tag}` } })
const newTag = () => randomBytes(4).toString("hex")

beforeEach(() => {
  process.env.ANALYTICS_COUNTRY_HEADER = "cf-ipcountry"
  resetEnvCache()
})
afterEach(() => {
  delete process.env.ANALYTICS_COUNTRY_HEADER
  delete process.env.ANALYTICS_EVENTS_PER_MINUTE
  delete process.env.ANALYTICS_EVENTS_PER_ADDRESS_PER_MINUTE
  process.env.TRUSTED_PROXY_HOPS = "1" // as lib/testing/setup-integration.ts has it
  resetEnvCache()
})

const consented = (id: string) => `acv_consent=granted; acv_vid=${id}`

describe("POST /api/events", () => {
  test("a valid batch is 202 { accepted } and stored with browser, OS, device, country, referrer host and UTM", async () => {
    const tag = newTag()
    const response = await send(
      {
        events: [
          {
            name: "page_view",
            path: `/t/${tag}?email=someone@example.com#x`,
            referrer: "https://www.google.com/search?q=secret",
            utm: { source: "newsletter", campaign: "launch" },
            screen: "390x844",
            sessionId: "sess_abcdefgh",
          },
          {
            name: "plan_compared",
            path: `/t/${tag}`,
            props: { plan: "annual", seats: 2 },
            ts: new Date(Date.now() - 60_000).toISOString(),
          },
        ],
      },
      { "user-agent": IPHONE, "cf-ipcountry": "de" },
    )
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ accepted: 2 })
    const rows = await db.analyticsEvent.findMany({ where: { path: `/t/${tag}` }, orderBy: { id: "asc" } })
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      name: "page_view",
      browser: "Mobile Safari",
      os: "iOS",
      device: "mobile",
      country: "DE",
      referrer: "google.com",
      utmSource: "newsletter",
      utmCampaign: "launch",
      screen: "390x844",
      sessionId: "sess_abcdefgh",
      consented: false,
      userId: null,
      props: null,
    })
    expect(rows[1]).toMatchObject({ name: "plan_compared", props: { plan: "annual", seats: 2 } })
    expect(Math.abs(rows[1]!.at.getTime() - (Date.now() - 60_000))).toBeLessThan(5_000)
    // One browser is one anonymous visitor per UTC day. Run just after midnight, the event sent a
    // minute back falls on yesterday and hashes under yesterday's salt.
    const sameUtcDay = rows[0]!.at.toISOString().slice(0, 10) === rows[1]!.at.toISOString().slice(0, 10)
    expect(rows[0]!.visitorId === rows[1]!.visitorId).toBe(sameUtcDay)
    expect(rows[0]!.visitorId).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  test("without the CDN header, the country comes from the offline GeoLite2 database; private addresses have none", async () => {
    const tag = newTag()
    expect((await send(tagged(tag, 1), { "x-forwarded-for": "81.2.69.142" })).status).toBe(202) // a GB address in MaxMind's test ranges
    expect((await send(tagged(tag, 1), { "x-forwarded-for": "10.1.2.3" })).status).toBe(202)
    // Once the database is open, lookups answer without waiting: the same answers.
    expect((await send(tagged(tag, 1), { "x-forwarded-for": "81.2.69.142" })).status).toBe(202)
    expect((await send(tagged(tag, 1), { "x-forwarded-for": "not-an-address" })).status).toBe(202)
    const countries = (
      await db.analyticsEvent.findMany({
        where: { path: `/t/${tag}` },
        orderBy: { id: "asc" },
        select: { country: true },
      })
    ).map((r) => r.country)
    expect(countries).toEqual(["GB", null, "GB", null])
  })

  test("a batch with one invalid event is refused whole: 422 naming it, nothing written", async () => {
    const tag = newTag()
    const response = await send({
      events: [...tagged(tag, 3).events, { name: "Not A Name", path: `/t/${tag}` }, { name: "ok", path: "no-slash" }],
    })
    expect(response.status).toBe(422)
    const body = await response.json()
    expect(body.error.code).toBe("unprocessable_entity")
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(["events.3.name", "events.4.path"])
    expect(await rowsTagged(tag)).toBe(0)
  })

  test("unparseable JSON is 400, an empty batch 422, and neither writes", async () => {
    const before = await db.analyticsEvent.count()
    const broken = await callRoute(POST, "POST", "/api/events", {
      rawBody: '{"events": [',
      headers: { "content-type": "application/json", "user-agent": CHROME },
    })
    expect(broken.status).toBe(400)
    expect((await broken.json()).error.code).toBe("bad_request")
    expect((await send({ events: [] })).status).toBe(422)
    expect(await db.analyticsEvent.count()).toBe(before)
  })

  test("bots are answered 202 with nothing accepted, and nothing is written", async () => {
    const tag = newTag()
    for (const agent of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "curl/8.5.0",
      "",
    ]) {
      const response = await send(tagged(tag, 2), { "user-agent": agent })
      expect(response.status).toBe(202)
      expect(await response.json()).toEqual({ accepted: 0 })
    }
    expect(await rowsTagged(tag)).toBe(0)
  })

  test("a body over 64 KB is 413, with or without Content-Length, and writes nothing", async () => {
    const tag = newTag()
    const big = JSON.stringify({
      events: [
        { name: "page_view", path: `/t/${tag}`, referrer: "x".repeat(2000) },
        ...Array.from({ length: 99 }, () => ({ name: "page_view", path: `/t/${tag}/${"y".repeat(700)}` })),
      ],
    })
    expect(big.length).toBeGreaterThan(64 * 1024)
    const headers = { "content-type": "application/json", "user-agent": CHROME }
    const declared = await callRoute(POST, "POST", "/api/events", {
      rawBody: big,
      headers: { ...headers, "content-length": String(big.length) },
    })
    expect(declared.status).toBe(413)
    const undeclared = await callRoute(POST, "POST", "/api/events", { rawBody: big, headers })
    expect(undeclared.status).toBe(413)
    expect((await undeclared.json()).error.code).toBe("payload_too_large")
    expect(await db.analyticsEvent.count({ where: { path: { startsWith: `/t/${tag}` } } })).toBe(0)
  })

  test("the consent cookie makes the visitor its id (consented); an id sent in the body is never taken", async () => {
    const tag = newTag()
    const id = "AbCdEfGhIjKlMnOpQrStUv"
    await send(tagged(tag, 1, { visitorId: "someone-else" }), {}, `acv_consent=granted; acv_vid=${id}`)
    await send(tagged(tag, 1, { visitorId: id }))
    const rows = await db.analyticsEvent.findMany({
      where: { path: `/t/${tag}` },
      orderBy: { id: "asc" },
      select: { visitorId: true, consented: true },
    })
    expect(rows[0]).toEqual({ visitorId: id, consented: true })
    expect(rows[1]!.consented).toBe(false)
    expect(rows[1]!.visitorId).not.toBe(id)
  })

  test("a signed-in visitor's events carry their user id", async () => {
    const tag = newTag()
    const { user, cookie } = await signedInAs("SUBSCRIBER")
    expect((await send(tagged(tag, 2), {}, cookie)).status).toBe(202)
    const users = (await db.analyticsEvent.findMany({ where: { path: `/t/${tag}` }, select: { userId: true } })).map(
      (r) => r.userId,
    )
    expect(users).toEqual([user.id, user.id])
  })

  test("one visitor may send ANALYTICS_EVENTS_PER_MINUTE events a minute, then 429 in the shared shape", async () => {
    process.env.ANALYTICS_EVENTS_PER_MINUTE = "5"
    resetEnvCache()
    const tag = newTag()
    const visitor = { "x-forwarded-for": "203.0.113.99" }
    expect((await send(tagged(tag, 3), visitor)).status).toBe(202)
    const refused = await send(tagged(tag, 3), visitor)
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe("rate_limited")
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/)
    // Another visitor (another address) has its own allowance.
    expect((await send(tagged(tag, 3), { "x-forwarded-for": "203.0.113.98" })).status).toBe(202)
    expect(await rowsTagged(tag)).toBe(6)
  })

  test("no IP address is stored anywhere in the database, even when the client puts it in the event", async () => {
    const ip = "198.51.100.77"
    const tag = newTag()
    const response = await send(
      {
        events: [
          {
            name: "page_view",
            path: `/t/${tag}`,
            referrer: `http://${ip}/`,
            utm: { term: ip },
            props: { ip, note: `from ${ip}`, plan: "team" },
          },
          { name: "page_view", path: `/t/${tag}/${ip}` },
        ],
      },
      { "x-forwarded-for": `10.0.0.1, ${ip}`, "x-real-ip": ip },
    )
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ accepted: 2 })
    expect(
      (await db.analyticsEvent.findFirst({ where: { path: `/t/${tag}` }, select: { props: true } }))?.props,
    ).toEqual({ plan: "team" })
    expect(await columnsContaining(ip)).toEqual([])
  })

  test("regression: the limit keys on the address too, so fresh visitor cookies from one address do not escape it", async () => {
    process.env.ANALYTICS_EVENTS_PER_ADDRESS_PER_MINUTE = "5"
    resetEnvCache()
    const tag = newTag()
    const address = { "x-forwarded-for": "203.0.113.120" }
    expect((await send(tagged(tag, 3), address, consented("visitorAAAAAAAAAAAAAAA"))).status).toBe(202)
    const refused = await send(tagged(tag, 3), address, consented("visitorBBBBBBBBBBBBBBB"))
    expect(refused.status).toBe(429)
    expect((await refused.json()).error).toEqual({
      code: "rate_limited",
      message: "too many events from this address, slow down",
      details: { retryAfterSeconds: expect.any(Number) },
    })
    expect(
      (await send(tagged(tag, 3), { "x-forwarded-for": "203.0.113.121" }, consented("visitorCCCCCCCCCCCCCCC"))).status,
    ).toBe(202)
    expect(await rowsTagged(tag)).toBe(6)
  })

  test("regression (X-Forwarded-For bypass): with no trusted proxy, spoofed addresses share one allowance", async () => {
    process.env.TRUSTED_PROXY_HOPS = "0"
    process.env.ANALYTICS_EVENTS_PER_ADDRESS_PER_MINUTE = "5"
    resetEnvCache()
    const tag = newTag()
    expect(
      (await send(tagged(tag, 3), { "x-forwarded-for": "198.51.100.1" }, consented("visitorDDDDDDDDDDDDDDD"))).status,
    ).toBe(202)
    expect(
      (await send(tagged(tag, 3), { "x-forwarded-for": "198.51.100.2" }, consented("visitorEEEEEEEEEEEEEEE"))).status,
    ).toBe(429)
    expect(await rowsTagged(tag)).toBe(3)
  })

  test("regression: a malformed session cookie is 400, not 500, and no error is recorded", async () => {
    const failures: RequestFailure[] = []
    const stop = onRequestFailed((failure) => failures.push(failure))
    try {
      for (const cookie of ["next-auth.session-token=%", "next-auth.session-token=%00"]) {
        const response = await send(tagged(newTag(), 1), {}, cookie)
        expect(response.status, cookie).toBe(400)
        expect((await response.json()).error.code).toBe("bad_request")
      }
    } finally {
      stop()
    }
    expect(failures).toEqual([])
  })

  test("regression: a page view holding a NUL character, sent beside ordinary ones at once, is refused alone", async () => {
    const tag = newTag()
    const ordinary = Array.from({ length: 10 }, (_, i) =>
      send(tagged(tag, 2), { "x-forwarded-for": `203.0.113.${i + 130}` }),
    )
    const inPath = send(
      { events: [{ name: "page_view", path: `/t/${tag}/\u0000` }] },
      { "x-forwarded-for": "203.0.113.140" },
    )
    const inProps = send(
      { events: [{ name: "page_view", path: `/t/${tag}`, props: { note: "a\u0000b" } }] },
      { "x-forwarded-for": "203.0.113.141" },
    )
    const [bad1, bad2, ...good] = await Promise.all([inPath, inProps, ...ordinary])
    expect(good.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 202))
    expect(bad1!.status).toBe(422)
    expect((await bad1!.json()).error.details).toEqual([
      { path: "events.0.path", message: "contains a NUL character (U+0000)" },
    ])
    expect(bad2!.status).toBe(422)
    expect((await bad2!.json()).error.details).toEqual([
      { path: "events.0.props.note", message: "contains a NUL character (U+0000)" },
    ])
    expect(await rowsTagged(tag)).toBe(20)
  })

  test("regression: a lone surrogate in a page view is 422 naming it, and nothing of its batch is written", async () => {
    const tag = newTag()
    const rawBody = `{"events":[{"name":"page_view","path":"/t/${tag}"},{"name":"page_view","path":"/t/${tag}","props":{"title":"\\ud83d"}}]}`
    const response = await callRoute(POST, "POST", "/api/events", {
      rawBody,
      headers: { "content-type": "application/json", "user-agent": CHROME, "x-forwarded-for": "203.0.113.142" },
    })
    expect(response.status).toBe(422)
    expect((await response.json()).error.details).toEqual([
      { path: "events.1.props.title", message: "contains a lone UTF-16 surrogate (half of a character)" },
    ])
    expect(await rowsTagged(tag)).toBe(0)
  })

  test("50 concurrent requests: every row lands, in fewer INSERT statements than requests", async () => {
    const tag = newTag()
    const before = storeStats().flushes
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(tagged(tag, 3), { "x-forwarded-for": `203.0.113.${i + 100}` })),
    )
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 202))
    expect(await rowsTagged(tag)).toBe(150)
    const flushes = storeStats().flushes - before
    expect(flushes).toBeGreaterThanOrEqual(1)
    expect(flushes).toBeLessThan(50)
  })
})

/** Every text or JSON column of every table in the schema whose value contains `needle`. */
async function columnsContaining(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ name: string; query: string }[]>`
    SELECT table_name || '.' || column_name AS name,
           format('SELECT count(*)::int AS n FROM %I.%I WHERE %I::text LIKE $1', table_schema, table_name, column_name) AS query
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'inet')`
  expect(columns.some((c) => c.name === "analytics_events.props")).toBe(true)
  const found: string[] = []
  for (const column of columns) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(column.query, `%${needle}%`)
    if (row!.n > 0) found.push(column.name)
  }
  return found
}
