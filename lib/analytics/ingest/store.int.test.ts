import { randomBytes } from "node:crypto"
import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { type EventRow, storeEvents, storeStats } from "./store"

// The wrapper refuses NUL and lone surrogates before they get here (lib/http/unstorable-text.ts);
// this is the group commit's own guard, for whatever else the database may refuse in one row.

const row = (path: string, props: EventRow["props"] = null): EventRow => ({
  at: new Date(),
  name: "page_view",
  visitorId: `v-${randomBytes(4).toString("hex")}`,
  consented: false,
  sessionId: null,
  userId: null,
  path,
  referrer: null,
  utmSource: null,
  utmMedium: null,
  utmCampaign: null,
  utmTerm: null,
  utmContent: null,
  country: null,
  browser: null,
  os: null,
  device: null,
  screen: null,
  props,
})

test("regression: a row the database refuses fails only its own request; the other requests of its flush are stored", async () => {
  const tag = randomBytes(4).toString("hex")
  const before = storeStats()
  // Submitted in one tick, so all of them meet in one flush.
  const results = await Promise.allSettled([
    storeEvents([row(`/t/${tag}`), row(`/t/${tag}`)]),
    storeEvents([row(`/t/${tag}\u0000`)]), // text: PostgreSQL refuses NUL (22021)
    storeEvents([row(`/t/${tag}`)]),
    storeEvents([row(`/t/${tag}`, { note: "a\u0000b" })]), // jsonb refuses the \u0000 escape (22P05)
    storeEvents([row(`/t/${tag}`), row(`/t/${tag}`), row(`/t/${tag}`)]),
  ])
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"])
  for (const index of [1, 3])
    expect((results[index] as PromiseRejectedResult).reason).toMatchObject({ code: "unprocessable_entity" })
  expect(await db.analyticsEvent.count({ where: { path: `/t/${tag}` } })).toBe(6)
  const after = storeStats()
  expect(after.items - before.items).toBe(6)
  expect(after.failedFlushes - before.failedFlushes).toBeGreaterThanOrEqual(3) // the whole flush, then each bad row alone
})

test("a lone row the database refuses is a 422 for its request, and the next flush goes through", async () => {
  const tag = randomBytes(4).toString("hex")
  await expect(storeEvents([row(`/t/${tag}`), row(`/t/${tag}\u0000`)])).rejects.toMatchObject({
    code: "unprocessable_entity",
  })
  await storeEvents([row(`/t/${tag}`)])
  expect(await db.analyticsEvent.count({ where: { path: `/t/${tag}` } })).toBe(1)
})
