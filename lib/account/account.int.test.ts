import { expect, test } from "vitest"
import { GET, PATCH } from "@/app/api/account/profile/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { listReceipts } from "./receipts"

test("a subscriber reads and renames their profile; bad names are refused without writing", async () => {
  const me = await signedInAs("SUBSCRIBER")
  const renamed = await callRoute(PATCH, "PATCH", "/api/account/profile", {
    cookie: me.cookie,
    body: { name: "  Ada Lovelace " },
  })
  expect(renamed.status).toBe(200)
  expect(await renamed.json()).toMatchObject({ email: me.user.email, name: "Ada Lovelace" })
  expect(
    (await callRoute(PATCH, "PATCH", "/api/account/profile", { cookie: me.cookie, body: { name: "" } })).status,
  ).toBe(422)
  expect(
    (await callRoute(PATCH, "PATCH", "/api/account/profile", { cookie: me.cookie, body: { name: "x".repeat(101) } }))
      .status,
  ).toBe(422)
  // The email is not the profile's to change: an extra field is ignored, not applied.
  await callRoute(PATCH, "PATCH", "/api/account/profile", {
    cookie: me.cookie,
    body: { name: "Ada", email: "evil@test.example" },
  })
  expect(await (await callRoute(GET, "GET", "/api/account/profile", { cookie: me.cookie })).json()).toMatchObject({
    email: me.user.email,
    name: "Ada",
  })
  expect((await callRoute(GET, "GET", "/api/account/profile")).status).toBe(401)
})

test("receipts list only the subscriber's own payments, newest first, with refunds", async () => {
  const me = await signedInAs("SUBSCRIBER")
  const other = await signedInAs("SUBSCRIBER")
  const plan = await db.plan.create({
    data: {
      slug: "receipts",
      name: "Copilot Monthly",
      description: "m",
      interval: "MONTH",
      priceCents: 1999,
      features: [],
    },
  })
  const period = {
    startedAt: new Date("2026-01-01T00:00:00Z"),
    currentPeriodStart: new Date("2026-02-01T00:00:00Z"),
    currentPeriodEnd: new Date("2026-03-01T00:00:00Z"),
  }
  const sub = await db.subscription.create({
    data: { userId: me.user.id, planId: plan.id, status: "ACTIVE", ...period },
  })
  await db.payment.createMany({
    data: [
      {
        polarOrderId: "r1",
        userId: me.user.id,
        subscriptionId: sub.id,
        amountCents: 1999,
        billingReason: "subscription_create",
        paidAt: new Date("2026-01-01T00:00:00Z"),
      },
      {
        polarOrderId: "r2",
        userId: me.user.id,
        subscriptionId: sub.id,
        amountCents: 1999,
        billingReason: "subscription_cycle",
        paidAt: new Date("2026-02-01T00:00:00Z"),
        status: "PARTIALLY_REFUNDED",
        refundedCents: 500,
      },
      {
        polarOrderId: "r3",
        userId: other.user.id,
        amountCents: 4900,
        billingReason: "purchase",
        paidAt: new Date("2026-02-02T00:00:00Z"),
      },
    ],
  })
  const receipts = await listReceipts(me.user.id)
  expect(
    receipts.map((r) => [r.paidAt.toISOString().slice(0, 10), r.description, r.amountCents, r.refundedCents, r.status]),
  ).toEqual([
    ["2026-02-01", "Copilot Monthly · Renewal", 1999, 500, "PARTIALLY_REFUNDED"],
    ["2026-01-01", "Copilot Monthly · New subscription", 1999, 0, "PAID"],
  ])
})
