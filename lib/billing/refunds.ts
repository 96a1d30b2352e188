import "server-only"
import { createHash, randomBytes } from "node:crypto"
import { z } from "zod"
import { recordAudit } from "@/lib/audit/log"
import type { SessionUser } from "@/lib/auth/roles"
import { db } from "@/lib/db"
import { appOrigin } from "@/lib/config/app-origin"
import { polarClient, productIdOf } from "./polar"
import { callPolar } from "./polar-errors"
import { claimRefund, completeRefund, failRefund, type RefundResult } from "./refund-requests"
import { emitPolarEvents } from "./test-mode/emit"
import { orderPayload, testEvent } from "./test-mode/payloads"

// A staff refund asks Polar (or, in test mode, sends the order.refunded webhook Polar would send);
// the receipt and the order change when that webhook is applied, like every billing change.
// Each refund carries an idempotency key: a double submit refunds once (refund-requests.ts).

/** `amountCents`: what to refund before tax (default: all that is left); Polar refunds the tax on it too. */
export const refundSchema = z.object({
  paymentId: z.string().trim().min(1).max(100),
  amountCents: z.number().int().min(1).optional(),
})
export type RefundInput = z.infer<typeof refundSchema>
export type { RefundResult } from "./refund-requests"

export type RefundRequest = RefundInput & {
  /** One per refund meant (the admin form makes one each time it is filled in); a repeat gets the first answer. */
  idempotencyKey: string
  customerId: string
  actor: SessionUser
  origin?: string
}

/** Refunds once per idempotency key; `replayed` when the answer is the stored one of an earlier request. */
export async function refundPayment(input: RefundRequest): Promise<{ result: RefundResult; replayed: boolean }> {
  // Before anything is reserved: live mode without a token answers 503 here.
  const polar = polarClient()
  const claim = await claimRefund({
    idempotencyKey: input.idempotencyKey,
    fingerprint: fingerprintOf(input),
    paymentId: input.paymentId,
    customerId: input.customerId,
    amountCents: input.amountCents,
    actorId: input.actor.id,
  })
  if (claim.kind === "replay") return { result: claim.result, replayed: true }

  const mode = polar ? "live" : "test"
  const amount = claim.amountCents
  try {
    if (polar) {
      const payment = await db.payment.findUniqueOrThrow({
        where: { id: input.paymentId },
        select: { polarOrderId: true },
      })
      await callPolar("refund the payment", () =>
        polar.refunds.create({
          order_id: payment.polarOrderId,
          reason: "customer_request",
          amount,
          metadata: { refund_request: claim.requestId },
        }),
      )
    } else {
      await sendTestRefund(input, claim.settlesAtCents)
    }
  } catch (error) {
    await failRefund(claim.requestId, error)
    throw error
  }
  const result: RefundResult = { mode, paymentId: input.paymentId, amountCents: amount }
  await db.$transaction(async (tx) => {
    await completeRefund(tx, claim.requestId, result)
    await recordAudit(
      {
        actor: input.actor,
        action: "payment.refunded",
        targetType: "payment",
        targetId: input.paymentId,
        metadata: { customerId: input.customerId, amountCents: amount, mode },
      },
      tx,
    )
  })
  return { result, replayed: false }
}

/** What the key stands for: the same key with anything else is refused. */
function fingerprintOf(input: RefundRequest): string {
  return createHash("sha256")
    .update(JSON.stringify([input.customerId, input.paymentId, input.amountCents ?? null, input.actor.id]))
    .digest("hex")
}

/** Test mode: the order.refunded webhook Polar would send, its refunded amount the running total once this refund is in. */
async function sendTestRefund(input: RefundRequest, refundedNetCents: number): Promise<void> {
  const payment = await db.payment.findUniqueOrThrow({
    where: { id: input.paymentId },
    select: {
      polarOrderId: true,
      amountCents: true,
      taxCents: true,
      currency: true,
      billingReason: true,
      paidAt: true,
      subscription: {
        select: {
          plan: {
            select: { id: true, name: true, interval: true, priceCents: true, currency: true, polarProductId: true },
          },
        },
      },
    },
  })
  const customer = await db.user.findUniqueOrThrow({
    where: { id: input.customerId },
    select: { id: true, email: true, name: true },
  })
  const netCents = payment.amountCents - payment.taxCents
  const plan = payment.subscription?.plan
  const testPlan = plan
    ? {
        productId: productIdOf(plan),
        name: plan.name,
        interval: plan.interval,
        priceCents: netCents,
        currency: plan.currency,
      }
    : {
        productId: "demo",
        name: "Payment",
        interval: "MONTH" as const,
        priceCents: netCents,
        currency: payment.currency,
      }
  // The tax on what is refunded, in proportion, rounded half up (as Polar does it in live mode).
  const refundedTax = Math.floor((2 * payment.taxCents * refundedNetCents + netCents) / (2 * netCents))
  const now = new Date()
  const order = orderPayload(
    {
      id: payment.polarOrderId,
      createdAt: payment.paidAt,
      modifiedAt: now,
      billingReason: payment.billingReason as never,
      status: refundedNetCents >= netCents ? "refunded" : "partially_refunded",
      refundedCents: refundedNetCents,
      taxCents: payment.taxCents,
      refundedTaxCents: refundedTax,
      subscription: null,
    },
    testPlan,
    { userId: customer.id, email: customer.email, name: customer.name },
  )
  await emitPolarEvents(
    [
      {
        id: `msg_test_${now.getTime().toString(36)}${randomBytes(3).toString("hex")}_refund`,
        event: testEvent("order.refunded", order, now),
      },
    ],
    input.origin ?? appOrigin(),
  )
}
