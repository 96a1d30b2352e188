import { afterAll, beforeAll, describe, expect, test, vi } from "vitest"
import { GET as getGroup } from "@/app/api/admin/errors/[id]/route"
import { POST as setStatus } from "@/app/api/admin/errors/[id]/status/route"
import { GET as listGroups } from "@/app/api/admin/errors/route"
import { POST as reportBrowserError } from "@/app/api/errors/route"
import { db } from "@/lib/db"
import { route } from "@/lib/http/route"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { onRequestError } from "@/instrumentation"
import { appRelease } from "./release"
import { recordError } from "./record"
import { errorWritesSettled, startErrorRecording, stopErrorRecording } from "./report"

// A tiny handler of our own that fails the way a bug does: a new error each call, its message
// varying by order id, thrown from the same line.
const failing = (word: string) =>
  route({}, async ({ params }) => {
    throw new Error(`order ${params.id} ${word} exploded`)
  })

async function throwFrom(handler: ReturnType<typeof failing>, id: string, cookie?: string) {
  const response = await callRoute(handler, "GET", `/api/test/orders/${id}`, { params: { id }, cookie })
  expect(response.status).toBe(500)
}

async function groupOf(word: string) {
  return db.errorGroup.findMany({
    where: { message: { contains: ` ${word} ` } },
    include: { occurrences: { orderBy: { at: "asc" } } },
  })
}

beforeAll(() => {
  startErrorRecording()
  // The wrapper logs each 500; the tests cause them on purpose.
  vi.spyOn(console, "error").mockImplementation(() => {})
})
afterAll(() => {
  stopErrorRecording()
  vi.restoreAllMocks()
})

describe("server errors from the route wrapper", () => {
  test("three throws make one group with count 3, three occurrences, the route pattern and the users", async () => {
    const alice = await signedInAs("SUBSCRIBER")
    const bob = await signedInAs("SUBSCRIBER")
    const handler = failing("alpha")
    await throwFrom(handler, "ord_1001", alice.cookie)
    await throwFrom(handler, "ord_1002", bob.cookie)
    await throwFrom(handler, "ord_1003", alice.cookie)
    await errorWritesSettled()

    const groups = await groupOf("alpha")
    expect(groups).toHaveLength(1)
    const [group] = groups
    expect(group).toMatchObject({
      source: "server",
      name: "Error",
      message: "order ord_1001 alpha exploded",
      count: 3,
      status: "OPEN",
      route: "/api/test/orders/[id]",
      release: appRelease(),
      regressedAt: null,
    })
    expect(group!.topFrame).toContain("lib/monitoring/errors/errors.int.test.ts")
    expect(group!.sampleStack).toContain("order ord_1003 alpha exploded")
    expect(group!.firstSeenAt.getTime()).toBeLessThanOrEqual(group!.lastSeenAt.getTime())
    expect(group!.occurrences.map((o) => o.userId)).toEqual([alice.user.id, bob.user.id, alice.user.id])
    expect(group!.occurrences.every((o) => o.route === "/api/test/orders/[id]")).toBe(true)

    // The staff API shows it with its affected users (2 distinct) and the trend.
    const engineer = await signedInAs("ENGINEER")
    const detail = await (
      await callRoute(getGroup, "GET", `/api/admin/errors/${group!.id}`, {
        cookie: engineer.cookie,
        params: { id: group!.id },
      })
    ).json()
    expect(detail).toMatchObject({ id: group!.id, count: 3, affectedUsers: 2, status: "OPEN" })
    expect(detail.hourly).toHaveLength(24)
    expect(detail.daily).toHaveLength(30)
    expect(detail.hourly.at(-1).count).toBe(3)
    expect(detail.hourly.reduce((sum: number, point: { count: number }) => sum + point.count, 0)).toBe(3)
    expect(detail.recent).toHaveLength(3)
  })

  test("a resolved group that throws again is a regression: OPEN again, regressedAt set", async () => {
    const handler = failing("bravo")
    await throwFrom(handler, "ord_1")
    await errorWritesSettled()
    const [group] = await groupOf("bravo")
    const engineer = await signedInAs("ENGINEER")

    const resolved = await callRoute(setStatus, "POST", `/api/admin/errors/${group!.id}/status`, {
      cookie: engineer.cookie,
      params: { id: group!.id },
      body: { status: "RESOLVED" },
    })
    expect(resolved.status).toBe(200)
    expect(await resolved.json()).toMatchObject({ id: group!.id, status: "RESOLVED", regressedAt: null })
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: group!.id } })
    expect(audit).toMatchObject({
      action: "error_group.resolved",
      actorId: engineer.user.id,
      targetType: "error_group",
      metadata: { from: "OPEN", to: "RESOLVED" },
    })

    await throwFrom(handler, "ord_2")
    await errorWritesSettled()
    const [again] = await groupOf("bravo")
    expect(again).toMatchObject({ id: group!.id, status: "OPEN", count: 2 })
    expect(again!.regressedAt).not.toBeNull()
    expect(again!.regressedAt!.getTime()).toBeGreaterThanOrEqual(again!.resolvedAt!.getTime())

    // Resolving anew clears the regression.
    await callRoute(setStatus, "POST", `/api/admin/errors/${group!.id}/status`, {
      cookie: engineer.cookie,
      params: { id: group!.id },
      body: { status: "RESOLVED" },
    })
    expect((await db.errorGroup.findUniqueOrThrow({ where: { id: group!.id } })).regressedAt).toBeNull()
  })

  test("an ignored group keeps counting and stays ignored", async () => {
    const handler = failing("charlie")
    await throwFrom(handler, "ord_1")
    await errorWritesSettled()
    const [group] = await groupOf("charlie")
    const admin = await signedInAs("ADMIN")
    const ignored = await callRoute(setStatus, "POST", "/x", {
      cookie: admin.cookie,
      params: { id: group!.id },
      body: { status: "IGNORED" },
    })
    expect(ignored.status).toBe(200)
    await throwFrom(handler, "ord_2")
    await throwFrom(handler, "ord_3")
    await errorWritesSettled()
    const [after] = await groupOf("charlie")
    expect(after).toMatchObject({ status: "IGNORED", count: 3, regressedAt: null })
    expect(after!.occurrences).toHaveLength(3)
  })

  test("concurrent sightings of a new error make one group and lose no count", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        recordError({
          source: "server",
          error: Object.assign(new Error(`delta ${i} raced`), { stack: "Error\n    at raceMe (/srv/lib/race.ts:1:1)" }),
        }),
      ),
    )
    expect(results.filter((r) => r?.created)).toHaveLength(1)
    const groups = await db.errorGroup.findMany({ where: { topFrame: "raceMe (lib/race.ts)" } })
    expect(groups).toHaveLength(1)
    expect(groups[0]!.count).toBe(12)
    expect(await db.errorOccurrence.count({ where: { groupId: groups[0]!.id } })).toBe(12)
  })

  test("regression: the sample stack, route and release are the newest sighting's, whatever order the writes land in", async () => {
    const sighting = (order: string, at: string, route: string) =>
      recordError({
        source: "server",
        error: Object.assign(new Error(`golf ${order} late`), {
          stack: `Error: golf ${order} late\n    at lateMe (/srv/lib/late.ts:1:1)`,
        }),
        at: new Date(at),
        route,
        release: `release-${order}`,
      })
    // The newest lands first, then an older one (two pool connections committing out of order).
    await sighting("ord_2", "2026-03-01T10:00:02Z", "/api/newer")
    await sighting("ord_1", "2026-03-01T10:00:01Z", "/api/older")
    const group = await db.errorGroup.findFirstOrThrow({ where: { topFrame: "lateMe (lib/late.ts)" } })
    expect(group).toMatchObject({ count: 2, route: "/api/newer", release: "release-ord_2" })
    expect(group.sampleStack).toContain("golf ord_2 late")
    expect(group.lastSeenAt.toISOString()).toBe("2026-03-01T10:00:02.000Z")
  })

  test("recording never throws into its caller, and one error object is counted once", async () => {
    await expect(
      recordError({ source: "server", error: new Error("echo"), at: new Date(Number.NaN) }),
    ).resolves.toBeNull()
    const error = new Error("foxtrot seen twice")
    expect(await recordError({ source: "server", error })).not.toBeNull()
    expect(await recordError({ source: "server", error })).toBeNull()
    expect((await db.errorGroup.findFirstOrThrow({ where: { message: "foxtrot seen twice" } })).count).toBe(1)
  })
})

describe("Next's onRequestError", () => {
  test("an error in a page is grouped under the page's route with the signed-in user", async () => {
    const subscriber = await signedInAs("SUBSCRIBER")
    const runtime = process.env.NEXT_RUNTIME
    process.env.NEXT_RUNTIME = "nodejs"
    try {
      await onRequestError(
        new Error("golf render failed for 42"),
        {
          path: "/account/orders/42?tab=x",
          method: "GET",
          headers: { cookie: subscriber.cookie, "user-agent": "test" },
        },
        {
          routerKind: "App Router",
          routePath: "/account/orders/[id]/page",
          routeType: "render",
          renderSource: "react-server-components",
          revalidateReason: undefined,
        },
      )
    } finally {
      process.env.NEXT_RUNTIME = runtime
    }
    const group = await db.errorGroup.findFirstOrThrow({
      where: { message: "golf render failed for 42" },
      include: { occurrences: true },
    })
    expect(group).toMatchObject({ source: "server", count: 1, route: "/account/orders/[id]" })
    expect(group.occurrences.map((o) => o.userId)).toEqual([subscriber.user.id])
  })
})

// One bug, one click handler, seen by Chrome and by Firefox from two builds.
const CHROME = `Error: Seat 17 could not be revealed
    at revealSeat (http://localhost:3000/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js:1:4242)
    at onClick (http://localhost:3000/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js:1:5001)`
const FIREFOX = `revealSeat@http://localhost:3000/_next/static/chunks/app/account/page-99aa88bb77cc66dd.js:1:4301
onClick@http://localhost:3000/_next/static/chunks/app/account/page-99aa88bb77cc66dd.js:1:5100`

describe("browser errors: POST /api/errors", () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    callRoute(reportBrowserError, "POST", "/api/errors", { body, headers })

  test("Chrome's and Firefox's report of one bug are one group; the answer is 202", async () => {
    const subscriber = await signedInAs("SUBSCRIBER")
    const chrome = await callRoute(reportBrowserError, "POST", "/api/errors", {
      cookie: subscriber.cookie,
      body: {
        name: "Error",
        message: "Seat 17 could not be revealed",
        stack: CHROME,
        url: "/account?token=secret",
        release: "ai-copilot-vibe@abc",
      },
    })
    expect(chrome.status).toBe(202)
    expect(await chrome.text()).toBe("")
    expect(
      (await post({ name: "Error", message: "Seat 23 could not be revealed", stack: FIREFOX, url: "/account" })).status,
    ).toBe(202)
    const groups = await db.errorGroup.findMany({
      where: { source: "browser", message: { contains: "could not be revealed" } },
      include: { occurrences: { orderBy: { at: "asc" } } },
    })
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({
      count: 2,
      route: "/account",
      topFrame: "revealSeat (_next/static/chunks/app/account/page-<chunk>.js)",
    })
    expect(groups[0]!.occurrences.map((o) => [o.userId, o.route, o.release])).toEqual([
      [subscriber.user.id, "/account", "ai-copilot-vibe@abc"],
      [null, "/account", appRelease()],
    ])
    // A staff member's browser error is not an audited staff write.
    const staff = await signedInAs("SUPPORT")
    const fromStaff = await callRoute(reportBrowserError, "POST", "/api/errors", {
      cookie: staff.cookie,
      body: { message: "hotel", url: "/admin" },
    })
    expect(fromStaff.status).toBe(202)
    expect(await db.auditLog.count({ where: { actorId: staff.user.id } })).toBe(0)
  })

  test("a bad body is 422 in the shared shape; an oversized one is 413", async () => {
    const invalid = await post({ message: 42, url: "https://elsewhere.example/x", stack: "x".repeat(16_001) })
    expect(invalid.status).toBe(422)
    const body = await invalid.json()
    expect(body.error.code).toBe("unprocessable_entity")
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["message", "stack", "url"])
    const huge = await post({ message: "india", url: "/", stack: "y".repeat(40_000) })
    expect(huge.status).toBe(413)
    expect((await huge.json()).error.code).toBe("payload_too_large")
    expect(await db.errorGroup.count({ where: { message: "india" } })).toBe(0)
  })

  test("each visitor may report 20 a minute", async () => {
    const headers = { "x-forwarded-for": "198.51.100.77" }
    for (let i = 0; i < 20; i++) expect((await post({ message: `juliet ${i}`, url: "/" }, headers)).status).toBe(202)
    expect((await post({ message: "juliet again", url: "/" }, headers)).status).toBe(429)
    expect((await post({ message: "juliet elsewhere", url: "/" }, { "x-forwarded-for": "198.51.100.78" })).status).toBe(
      202,
    )
  })
})

describe("the staff API", () => {
  test("lists by status, most frequent first when asked, and refuses support staff", async () => {
    for (const [word, times] of [
      ["kilo", 1],
      ["lima", 3],
    ] as const) {
      for (let i = 0; i < times; i++) await recordError({ source: "server", error: new Error(`${word} failure`) })
    }
    const engineer = await signedInAs("ENGINEER")
    const byCount = await (
      await callRoute(listGroups, "GET", "/api/admin/errors?sort=count&status=OPEN&pageSize=200", {
        cookie: engineer.cookie,
      })
    ).json()
    const names = byCount.items.map((item: { message: string }) => item.message)
    expect(names.indexOf("lima failure")).toBeLessThan(names.indexOf("kilo failure"))
    expect(byCount.items.every((item: { status: string }) => item.status === "OPEN")).toBe(true)
    const resolvedOnly = await (
      await callRoute(listGroups, "GET", "/api/admin/errors?status=RESOLVED", { cookie: engineer.cookie })
    ).json()
    expect(resolvedOnly.items.every((item: { status: string }) => item.status === "RESOLVED")).toBe(true)
    expect(
      (await callRoute(listGroups, "GET", "/api/admin/errors?status=BROKEN", { cookie: engineer.cookie })).status,
    ).toBe(422)

    const support = await signedInAs("SUPPORT")
    expect((await callRoute(listGroups, "GET", "/api/admin/errors", { cookie: support.cookie })).status).toBe(403)
    const kilo = await db.errorGroup.findFirstOrThrow({ where: { message: "kilo failure" } })
    expect(
      (
        await callRoute(setStatus, "POST", "/x", {
          cookie: support.cookie,
          params: { id: kilo.id },
          body: { status: "RESOLVED" },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await callRoute(setStatus, "POST", "/x", {
          cookie: engineer.cookie,
          params: { id: kilo.id },
          body: { status: "FIXED" },
        })
      ).status,
    ).toBe(422)
    expect(
      (
        await callRoute(setStatus, "POST", "/x", {
          cookie: engineer.cookie,
          params: { id: "nope" },
          body: { status: "RESOLVED" },
        })
      ).status,
    ).toBe(404)
    expect((await callRoute(getGroup, "GET", "/x", { cookie: engineer.cookie, params: { id: "nope" } })).status).toBe(
      404,
    )
    expect((await db.errorGroup.findUniqueOrThrow({ where: { id: kilo.id } })).status).toBe("OPEN")
  })
})
