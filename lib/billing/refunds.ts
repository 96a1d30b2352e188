import "server-only"
import { randomBytes } from "node:crypto"
import { z } from "zod"
import { recordAudit } from "@/lib/audit/log"
import type { SessionUser } from "@/lib/auth/roles"
import { db } from "@/lib/db"
import { AppError } from "@/lib/http/errors"
import { appOrigin } from "./origin"
import { polarClient, productIdOf } from "./polar"
import { callPolar } from "./polar-errors"
import { emitPolarEvents } from "./test-mode/emit"
import { orderPayload, testEvent } from "./test-mode/payloads"

// A staff refund asks Polar (or, in test mode, sends the order.refunded webhook Polar would send);
// the receipt and the order change when that webhook is applied, like every billing change.

/** `amountCents`: what to refund before tax (default: all that is left); Polar refunds the tax on it too. */
export const refundSchema = z.object({ paymentId: z.string().trim().min(1).max(100), amountCents: z.number().int().min(1).optional() })
export type RefundInput = z.infer<typeof refundSchema>

export async function refundPayment(input: RefundInput & { customerId: string; actor: SessionUser; origin?: string }): Promise<{ mode: "live" | "test"; paymentId: string; amountCents: number }> {
  const payment = await db.payment.findFirst({
    where: { id: input.paymentId, userId: input.customerId },
    select: {
      id: true, polarOrderId: true, amountCents: true, taxCents: true, refundedCents: true, refundedTaxCents: true, currency: true, billingReason: true, paidAt: true,
      subscription: { select: { plan: { select: { id: true, name: true, interval: true, priceCents: true, currency: true, polarProductId: true } } } },
    },
  })
  if (!payment) throw new AppError("not_found", "no such payment for this customer")
  const customer = await db.user.findUniqueOrThrow({ where: { id: input.customerId }, select: { id: true, email: true, name: true } })
  // Amounts are net of tax, as Polar refunds them: it refunds the tax on that amount itself.
  const netCents = payment.amountCents - payment.taxCents
  const refundedNetCents = payment.refundedCents - payment.refundedTaxCents
  const refundable = netCents - refundedNetCents
  const amount = input.amountCents ?? refundable
  if (refundable <= 0) throw new AppError("conflict", "this payment is already fully refunded")
  if (amount > refundable) throw new AppError("unprocessable_entity", `at most ${refundable} cents can be refunded`, [{ path: "amountCents", message: `at most ${refundable}` }])
  const polar = polarClient()
  if (polar) {
    await callPolar("refund the payment", () => polar.refunds.create({ order_id: payment.polarOrderId, reason: "customer_request", amount }))
  } else {
    const plan = payment.subscription?.plan
    const testPlan = plan
      ? { productId: productIdOf(plan), name: plan.name, interval: plan.interval, priceCents: netCents, currency: plan.currency }
      : { productId: "demo", name: "Payment", interval: "MONTH" as const, priceCents: netCents, currency: payment.currency }
    const refunded = refundedNetCents + amount
    // The tax on what is refunded, in proportion, rounded half up (as Polar does it in live mode).
    const refundedTax = Math.floor((2 * payment.taxCents * refunded + netCents) / (2 * netCents))
    const now = new Date()
    const order = orderPayload(
      {
        id: payment.polarOrderId,
        createdAt: payment.paidAt,
        modifiedAt: now,
        billingReason: payment.billingReason as never,
        status: refunded >= netCents ? "refunded" : "partially_refunded",
        refundedCents: refunded,
        taxCents: payment.taxCents,
        refundedTaxCents: refundedTax,
        subscription: null,
      },
      testPlan,
      { userId: customer.id, email: customer.email, name: customer.name },
    )
    await emitPolarEvents([{ id: `msg_test_${now.getTime().toString(36)}${randomBytes(3).toString("hex")}_refund`, event: testEvent("order.refunded", order, now) }], input.origin ?? appOrigin())
  }
  await recordAudit({ actor: input.actor, action: "payment.refunded", targetType: "payment", targetId: payment.id, metadata: { customerId: input.customerId, amountCents: amount, mode: polar ? "live" : "test" } })
  return { mode: polar ? "live" : "test", paymentId: payment.id, amountCents: amount }
}
