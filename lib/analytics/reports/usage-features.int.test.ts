import { expect, test } from "vitest"
import { GET as billingPortal } from "@/app/api/account/billing-portal/route"
import { POST as cancel } from "@/app/api/account/subscription/cancel/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute, withTestOrigin } from "@/lib/testing/http"

withTestOrigin()

// track() is fire and forget: wait (briefly) for the row instead of awaiting it.
async function featureEvents(userId: string, expected: number) {
  const deadline = Date.now() + 5_000
  for (;;) {
    const rows = await db.analyticsEvent.findMany({
      where: { name: "feature_used", userId },
      select: { props: true, visitorId: true },
    })
    if (rows.length >= expected || Date.now() > deadline) return rows
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test("a portal action that succeeded records feature_used with its feature, as the browser's visitor", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const response = await callRoute(billingPortal, "GET", "/api/account/billing-portal", {
    cookie: subscriber.cookie,
    headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" },
  })
  expect(response.status).toBe(200)
  const rows = await featureEvents(subscriber.user.id, 1)
  expect(rows).toHaveLength(1)
  expect(rows[0]!.props).toEqual({ feature: "billing_portal_opened" })
  // The request's visitor (the daily hash), not the server's "u:<id>": the subscriber was active.
  expect(rows[0]!.visitorId.startsWith("u:")).toBe(false)
})

test("a refused action records nothing", async () => {
  const subscriber = await signedInAs("SUBSCRIBER")
  const response = await callRoute(cancel, "POST", "/api/account/subscription/cancel", {
    cookie: subscriber.cookie,
    body: {},
  })
  expect(response.status).toBe(404)
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(await featureEvents(subscriber.user.id, 0)).toEqual([])
})
