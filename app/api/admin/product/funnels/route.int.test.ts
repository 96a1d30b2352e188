import { beforeAll, describe, expect, test } from "vitest"
import { RAW_DELETED_BEFORE } from "@/lib/analytics/model/watermarks"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { DELETE, PATCH } from "./[id]/route"
import { GET as report } from "./report/route"
import { GET as list, POST as create } from "./route"

const STEPS = [
  { kind: "page", match: "/" },
  { kind: "event", match: "checkout_started" },
]

let admin: Awaited<ReturnType<typeof signedInAs>>
beforeAll(async () => {
  admin = await signedInAs("ADMIN")
})

describe("saved funnels", () => {
  test("create, list, update and delete, each write audited", async () => {
    const created = await callRoute(create, "POST", "/api/admin/product/funnels", {
      cookie: admin.cookie,
      body: { name: "  Landing to checkout ", steps: STEPS },
    })
    expect(created.status).toBe(201)
    const funnel = await created.json()
    expect(funnel).toMatchObject({ name: "Landing to checkout", steps: STEPS, windowDays: 14 })

    const listed = await (await callRoute(list, "GET", "/api/admin/product/funnels", { cookie: admin.cookie })).json()
    expect(listed.items.map((item: { id: string }) => item.id)).toContain(funnel.id)
    expect(listed).toMatchObject({ page: 1, pageSize: 50 })

    const patched = await callRoute(PATCH, "PATCH", `/api/admin/product/funnels/${funnel.id}`, {
      cookie: admin.cookie,
      params: { id: funnel.id },
      body: { windowDays: 3 },
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ id: funnel.id, name: "Landing to checkout", windowDays: 3 })

    const deleted = await callRoute(DELETE, "DELETE", `/api/admin/product/funnels/${funnel.id}`, {
      cookie: admin.cookie,
      params: { id: funnel.id },
    })
    expect(deleted.status).toBe(204)
    expect(await db.savedFunnel.findUnique({ where: { id: funnel.id } })).toBeNull()

    const audit = await db.auditLog.findMany({
      where: { targetId: funnel.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    })
    expect(audit).toEqual([
      { action: "saved_funnel.created", actorId: admin.user.id },
      { action: "saved_funnel.updated", actorId: admin.user.id },
      { action: "saved_funnel.deleted", actorId: admin.user.id },
    ])
  })

  test("refuses bad steps with 422 naming the field, and nothing is written", async () => {
    const before = await db.savedFunnel.count()
    const bad = [
      { name: "one step", steps: [STEPS[0]] },
      { name: "nine steps", steps: Array.from({ length: 9 }, () => STEPS[0]) },
      { name: "bad path", steps: [{ kind: "page", match: "pricing" }, STEPS[1]] },
      { name: "page_view as an event", steps: [STEPS[0], { kind: "event", match: "page_view" }] },
      { name: "", steps: STEPS },
      { name: "long window", steps: STEPS, windowDays: 91 },
    ]
    for (const body of bad) {
      const response = await callRoute(create, "POST", "/api/admin/product/funnels", { cookie: admin.cookie, body })
      expect(response.status, body.name).toBe(422)
      const error = (await response.json()).error
      expect(error.code).toBe("unprocessable_entity")
      expect(error.details.length, body.name).toBeGreaterThan(0)
    }
    expect(await db.savedFunnel.count()).toBe(before)
  })

  test("an unknown funnel is 404; an empty patch is 422", async () => {
    expect(
      (
        await callRoute(PATCH, "PATCH", "/api/admin/product/funnels/nope", {
          cookie: admin.cookie,
          params: { id: "nope" },
          body: { name: "x" },
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await callRoute(DELETE, "DELETE", "/api/admin/product/funnels/nope", {
          cookie: admin.cookie,
          params: { id: "nope" },
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await callRoute(PATCH, "PATCH", "/api/admin/product/funnels/nope", {
          cookie: admin.cookie,
          params: { id: "nope" },
          body: {},
        })
      ).status,
    ).toBe(422)
  })

  test("engineers and support staff are refused: product analytics is for admins and owners", async () => {
    for (const role of ["ENGINEER", "SUPPORT"] as const) {
      const staff = await signedInAs(role)
      expect((await callRoute(list, "GET", "/api/admin/product/funnels", { cookie: staff.cookie })).status, role).toBe(
        403,
      )
      expect(
        (
          await callRoute(create, "POST", "/api/admin/product/funnels", {
            cookie: staff.cookie,
            body: { name: "x", steps: STEPS },
          })
        ).status,
        role,
      ).toBe(403)
      expect(
        (await callRoute(report, "GET", "/api/admin/product/funnels/report", { cookie: staff.cookie })).status,
        role,
      ).toBe(403)
    }
    const owner = await signedInAs("OWNER")
    expect((await callRoute(list, "GET", "/api/admin/product/funnels", { cookie: owner.cookie })).status).toBe(200)
  })
})

describe("GET /api/admin/product/funnels/report", () => {
  test("given steps, a window and a breakdown, over explicit days", async () => {
    await db.analyticsEvent.deleteMany()
    const at = (iso: string) => new Date(iso)
    await db.analyticsEvent.createMany({
      data: [
        { at: at("2026-01-05T10:00:00Z"), name: "page_view", path: "/", visitorId: "r1", country: "NL" },
        { at: at("2026-01-05T10:05:00Z"), name: "checkout_started", visitorId: "r1", userId: "someone", country: "NL" },
        { at: at("2026-01-06T09:00:00Z"), name: "page_view", path: "/", visitorId: "r2", country: "US" },
        // The week before: one entrant who converted.
        { at: at("2025-12-30T09:00:00Z"), name: "page_view", path: "/", visitorId: "r3" },
        { at: at("2025-12-30T09:01:00Z"), name: "checkout_started", visitorId: "r3" },
      ],
    })
    const response = await callRoute(
      report,
      "GET",
      "/api/admin/product/funnels/report?steps=page:/,event:checkout_started&window=1&breakdown=country&from=2026-01-05&to=2026-01-11",
      { cookie: admin.cookie },
    )
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.range).toMatchObject({ firstDay: "2026-01-05", lastDay: "2026-01-11", days: 7 })
    expect(body.report.funnel).toMatchObject({
      id: null,
      name: "Custom funnel",
      windowDays: 1,
      steps: [
        { kind: "page", match: "/", label: "Viewed /" },
        { kind: "event", match: "checkout_started" },
      ],
    })
    // 2 entered, 1 checked out 5 minutes later: 50 %.
    expect(body.report.steps.map((step: { people: number }) => step.people)).toEqual([2, 1])
    expect(body.report.steps[1]).toMatchObject({
      conversionFromPrevious: 0.5,
      medianMs: 300_000,
      meanMs: 300_000,
      dropOff: 1,
    })
    expect(body.report.segments.map((segment: { value: string }) => segment.value)).toEqual(["NL", "US"])
    // The 7 days before: 1 entered, 1 completed.
    expect(body.report.previous).toEqual({
      firstDay: "2025-12-29",
      lastDay: "2026-01-04",
      entered: 1,
      completed: 1,
      conversion: 1,
    })
  })

  test("the default funnel without steps; a saved funnel by id; bad queries are 422, a missing funnel 404", async () => {
    const defaults = await (
      await callRoute(report, "GET", "/api/admin/product/funnels/report?range=7d", { cookie: admin.cookie })
    ).json()
    expect(defaults.report.funnel.name).toBe("Landing to seat delivered")
    expect(defaults.report.funnel.steps).toHaveLength(5)

    const saved = await (
      await callRoute(create, "POST", "/api/admin/product/funnels", {
        cookie: admin.cookie,
        body: { name: "Saved", steps: STEPS, windowDays: 2 },
      })
    ).json()
    const byId = await (
      await callRoute(report, "GET", `/api/admin/product/funnels/report?funnelId=${saved.id}`, { cookie: admin.cookie })
    ).json()
    expect(byId.report.funnel).toMatchObject({ id: saved.id, name: "Saved", windowDays: 2 })

    for (const query of [
      "steps=page:/",
      "steps=page:/&funnelId=x",
      "window=0",
      "breakdown=planet",
      "from=2026-01-02",
      "from=2026-02-01&to=2026-01-01",
      "steps=banana:/,page:/",
    ]) {
      expect(
        (await callRoute(report, "GET", `/api/admin/product/funnels/report?${query}`, { cookie: admin.cookie })).status,
        query,
      ).toBe(422)
    }
    expect(
      (await callRoute(report, "GET", "/api/admin/product/funnels/report?funnelId=missing", { cookie: admin.cookie }))
        .status,
    ).toBe(404)
  })

  test("says from when steps are counted once retention has deleted raw events inside the range or the period compared", async () => {
    const get = async (days: string) =>
      (
        await (
          await callRoute(
            report,
            "GET",
            `/api/admin/product/funnels/report?steps=page:/,event:checkout_started&${days}`,
            { cookie: admin.cookie },
          )
        ).json()
      ).report
    expect((await get("from=2026-01-05&to=2026-01-11")).keptFrom).toBeNull()
    // Raw events before 1 January are gone: the range (5–11 Jan) is whole, the week compared (29 Dec–4 Jan) is not.
    await db.$executeRaw`INSERT INTO analytics_rollup_state (name, watermark, updated_at) VALUES (${RAW_DELETED_BEFORE}, '2026-01-01T00:00:00Z', now())`
    try {
      expect((await get("from=2026-01-05&to=2026-01-11")).keptFrom).toBe("2026-01-01T00:00:00.000Z")
      // 12–18 Jan compared with 5–11 Jan: nothing read was deleted.
      expect((await get("from=2026-01-12&to=2026-01-18")).keptFrom).toBeNull()
    } finally {
      await db.$executeRaw`DELETE FROM analytics_rollup_state WHERE name = ${RAW_DELETED_BEFORE}`
    }
  })
})
