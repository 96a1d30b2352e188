import { randomBytes } from "node:crypto"
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute, withTestOrigin } from "@/lib/testing/http"
import { type PolarStandIn, startPolarStandIn } from "./testing/polar-stand-in"

withTestOrigin()

// Live mode, against a local stand-in for Polar's API that answers slowly: the payment's refunded
// amount moves only when Polar's webhook comes (never, here), so what bounds a refund is what the
// app has already asked for.

type Refunded = { order_id: string; amount: number; reason: string; metadata: Record<string, unknown> }
const asked: Refunded[] = []
let failNext = false
let standIn: PolarStandIn

beforeAll(async () => {
  standIn = await startPolarStandIn(async ({ method, path, body }) => {
    if (method !== "POST" || path !== "/v1/refunds/") return { status: 404, body: {} }
    const asking = body as unknown as Refunded
    await new Promise((resolve) => setTimeout(resolve, 200))
    if (failNext) {
      failNext = false
      return { status: 422, body: { detail: "refused" } }
    }
    asked.push(asking)
    return {
      status: 201,
      body: { id: `re_${asked.length}`, order_id: asking.order_id, amount: asking.amount, status: "pending" },
    }
  })
})

afterAll(() => standIn.stop())

beforeEach(() => {
  asked.length = 0
  failNext = false
})

async function paidPayment(amountCents: number, taxCents: number) {
  const customer = await signedInAs("SUBSCRIBER")
  const payment = await db.payment.create({
    data: {
      polarOrderId: `ord_${randomBytes(6).toString("hex")}`,
      userId: customer.user.id,
      amountCents,
      taxCents,
      billingReason: "purchase",
      paidAt: new Date(),
    },
  })
  return { customer, payment }
}

test("live: a double submit asks Polar once; refunds asked but not yet confirmed count against what is left", async () => {
  const { customer, payment } = await paidPayment(2400, 400) // 2000 before tax
  const support = await signedInAs("SUPPORT")
  const refundOf = (amountCents: number | undefined, key: string) =>
    callRoute(refund, "POST", `/api/admin/customers/${customer.user.id}/refund`, {
      cookie: support.cookie,
      params: { id: customer.user.id },
      headers: { "idempotency-key": key },
      body: { paymentId: payment.id, amountCents },
    })

  const [a, b] = await Promise.all([refundOf(1200, "live-refund-first"), refundOf(1200, "live-refund-first")])
  expect([a.status, b.status]).toEqual([200, 200])
  expect(await a.json()).toEqual(await b.json())
  const [request] = await db.refundRequest.findMany({ where: { paymentId: payment.id }, select: { id: true } })
  expect(asked).toEqual([
    {
      order_id: payment.polarOrderId,
      amount: 1200,
      reason: "customer_request",
      metadata: { refund_request: request!.id },
    },
  ])

  // No webhook yet (refundedCents is still 0), but 1200 of 2000 is taken: of three 500s at once, one fits.
  expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).refundedCents).toBe(0)
  const three = await Promise.all(["live-refund-a", "live-refund-b", "live-refund-c"].map((key) => refundOf(500, key)))
  expect(three.map((r) => r.status).sort()).toEqual([200, 422, 422])

  // Polar refuses one: its 300 is free again for the next.
  failNext = true
  expect((await refundOf(300, "live-refund-refused")).status).toBe(409)
  const rest = await refundOf(undefined, "live-refund-rest")
  expect(rest.status).toBe(200)
  expect((await rest.json()).amountCents).toBe(300)
  expect(asked.map((r) => r.amount)).toEqual([1200, 500, 300])
  expect((await refundOf(undefined, "live-refund-more")).status).toBe(409)
})
