import { randomBytes } from "node:crypto"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { POST as refund } from "@/app/api/admin/customers/[id]/refund/route"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute, withTestOrigin } from "@/lib/testing/http"

withTestOrigin()

// Live mode, against a local stand-in for Polar's API that answers slowly: the payment's refunded
// amount moves only when Polar's webhook comes (never, here), so what bounds a refund is what the
// app has already asked for.

type Refunded = { order_id: string; amount: number; reason: string; metadata: Record<string, unknown> }
const asked: Refunded[] = []
let failNext = false
let standIn: ReturnType<typeof createServer>
const ENV_KEYS = ["POLAR_ACCESS_TOKEN", "POLAR_API_URL"] as const
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]))

beforeAll(async () => {
  standIn = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    if (request.method !== "POST" || request.url !== "/v1/refunds/") return void response.writeHead(404).end()
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Refunded
    await new Promise((resolve) => setTimeout(resolve, 200))
    if (failNext) {
      failNext = false
      return void response.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ detail: "refused" }))
    }
    asked.push(body)
    response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: `re_${asked.length}`, order_id: body.order_id, amount: body.amount, status: "pending" }))
  })
  await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve))
  Object.assign(process.env, { POLAR_ACCESS_TOKEN: "test", POLAR_API_URL: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}` })
  resetEnvCache()
})

afterAll(async () => {
  await new Promise((resolve) => standIn.close(resolve))
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
  resetEnvCache()
})

beforeEach(() => {
  asked.length = 0
  failNext = false
})

async function paidPayment(amountCents: number, taxCents: number) {
  const customer = await signedInAs("SUBSCRIBER")
  const payment = await db.payment.create({
    data: { polarOrderId: `ord_${randomBytes(6).toString("hex")}`, userId: customer.user.id, amountCents, taxCents, billingReason: "purchase", paidAt: new Date() },
  })
  return { customer, payment }
}

test("live: a double submit asks Polar once; refunds asked but not yet confirmed count against what is left", async () => {
  const { customer, payment } = await paidPayment(2400, 400) // 2000 before tax
  const support = await signedInAs("SUPPORT")
  const refundOf = (amountCents: number | undefined, key: string) =>
    callRoute(refund, "POST", `/api/admin/customers/${customer.user.id}/refund`, { cookie: support.cookie, params: { id: customer.user.id }, headers: { "idempotency-key": key }, body: { paymentId: payment.id, amountCents } })

  const [a, b] = await Promise.all([refundOf(1200, "live-refund-first"), refundOf(1200, "live-refund-first")])
  expect([a.status, b.status]).toEqual([200, 200])
  expect(await a.json()).toEqual(await b.json())
  const [request] = await db.refundRequest.findMany({ where: { paymentId: payment.id }, select: { id: true } })
  expect(asked).toEqual([{ order_id: payment.polarOrderId, amount: 1200, reason: "customer_request", metadata: { refund_request: request!.id } }])

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
