import "server-only"
import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { AppError, type ErrorCode } from "@/lib/errors"

// The refund ledger behind refundPayment (refunds.ts): one row per Idempotency-Key. Claiming a key
// locks the payment's row, so the refunds of one payment are decided one at a time, and reserves
// the amount before Polar is asked; the lock is not held while Polar (or, in test mode, our own
// webhook, which writes that same row) answers. What is left to refund counts every refund asked
// through the app and not failed, until Polar's webhook has applied it to the payment.

/** A claim older than this whose outcome never came back (the process died mid-call) stops reserving its amount. */
const PENDING_LEASE_SECONDS = 300
/** How long a repeat waits for the first request with its key to finish, before answering 409. */
const WAIT_FOR_FIRST_MS = 30_000
const POLL_MS = 100

export type RefundResult = { mode: "live" | "test"; paymentId: string; amountCents: number }

export type RefundAsk = {
  idempotencyKey: string
  fingerprint: string
  paymentId: string
  customerId: string
  amountCents?: number
  actorId: string
}

export type RefundClaim =
  | { kind: "replay"; result: RefundResult }
  | {
      kind: "run"
      requestId: string
      amountCents: number
      /** The payment's refunded amount before tax once this refund and the app's earlier ones are applied. */
      settlesAtCents: number
    }

type Step = RefundClaim | { kind: "wait" }
type Tx = Prisma.TransactionClient
type LockedPayment = { id: string; netCents: number; refundedNetCents: number }
type StoredRequest = {
  id: string
  fingerprint: string
  status: "PENDING" | "SUCCEEDED" | "FAILED"
  response: RefundResult | null
}

/**
 * Claims the key for this refund, or returns the first answer given for it. A repeat while the
 * first is still running waits for its answer; the same key with another request is 422.
 */
export async function claimRefund(ask: RefundAsk): Promise<RefundClaim> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS
  for (;;) {
    const step = await db.$transaction((tx) => claimOnce(tx, ask))
    if (step.kind !== "wait") return step
    if (Date.now() > deadline)
      throw new AppError(
        "conflict",
        "a refund with this Idempotency-Key is still being processed; look at the payment before trying again",
      )
    await sleep(POLL_MS)
  }
}

async function claimOnce(tx: Tx, ask: RefundAsk): Promise<Step> {
  const payment = await lockPayment(tx, ask.paymentId, ask.customerId)
  const [existing] = await tx.$queryRaw<StoredRequest[]>`
    SELECT id, fingerprint, status::text AS status, response FROM refund_requests WHERE idempotency_key = ${ask.idempotencyKey}`
  if (existing && existing.fingerprint !== ask.fingerprint) {
    throw new AppError("unprocessable_entity", "this Idempotency-Key was already used for another refund", [
      { path: "Idempotency-Key", message: "already used with another request" },
    ])
  }
  if (existing?.status === "SUCCEEDED") return { kind: "replay", result: existing.response! }
  if (existing?.status === "PENDING") return { kind: "wait" }

  const [{ settles }] = (await tx.$queryRaw<{ settles: number }[]>`
    SELECT COALESCE(MAX(settles_at_cents), 0)::int AS settles FROM refund_requests
    WHERE payment_id = ${payment.id}
      AND (status = 'SUCCEEDED' OR (status = 'PENDING' AND updated_at > now() - make_interval(secs => ${PENDING_LEASE_SECONDS})))`) as [
    { settles: number },
  ]
  const committed = Math.max(payment.refundedNetCents, settles)
  const refundable = payment.netCents - committed
  if (refundable <= 0)
    throw new AppError("conflict", "this payment is already fully refunded (refunds still being confirmed count)")
  const amount = ask.amountCents ?? refundable
  if (amount > refundable)
    throw new AppError("unprocessable_entity", `at most ${refundable} cents can be refunded`, [
      { path: "amountCents", message: `at most ${refundable}` },
    ])
  const settlesAtCents = committed + amount

  if (existing) {
    // A failed try of this key runs again: its reservation was released when it failed.
    await tx.$executeRaw`
      UPDATE refund_requests SET status = 'PENDING', amount_cents = ${amount}, settles_at_cents = ${settlesAtCents}, response = NULL, error = NULL, updated_at = now()
      WHERE id = ${existing.id}`
    return { kind: "run", requestId: existing.id, amountCents: amount, settlesAtCents }
  }
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO refund_requests (id, idempotency_key, fingerprint, payment_id, actor_id, status, amount_cents, settles_at_cents, created_at, updated_at)
    VALUES (${randomUUID()}, ${ask.idempotencyKey}, ${ask.fingerprint}, ${payment.id}, ${ask.actorId}, 'PENDING', ${amount}, ${settlesAtCents}, now(), now())
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`
  // Taken meanwhile for another payment (whose lock we do not hold): the next round refuses it.
  if (!inserted) return { kind: "wait" }
  return { kind: "run", requestId: inserted.id, amountCents: amount, settlesAtCents }
}

async function lockPayment(tx: Tx, paymentId: string, customerId: string): Promise<LockedPayment> {
  const [payment] = await tx.$queryRaw<LockedPayment[]>`
    SELECT id, amount_cents - tax_cents AS "netCents", refunded_cents - refunded_tax_cents AS "refundedNetCents"
    FROM payments WHERE id = ${paymentId} AND user_id = ${customerId}
    FOR UPDATE`
  if (!payment) throw new AppError("not_found", "no such payment for this customer")
  return payment
}

/** The refund was asked: its answer is kept for repeats of the key, in the transaction of its audit entry. */
export async function completeRefund(tx: Tx, requestId: string, result: RefundResult): Promise<void> {
  await tx.$executeRaw`
    UPDATE refund_requests SET status = 'SUCCEEDED', response = ${JSON.stringify(result)}::jsonb, updated_at = now() WHERE id = ${requestId}`
}

/**
 * Polar refused or could not be reached: the amount is free again, and the app's refunds asked
 * after this one settle that much lower. The same key may try again.
 */
export async function failRefund(requestId: string, error: unknown): Promise<void> {
  const code: ErrorCode = error instanceof AppError ? error.code : "internal_error"
  const detail = `${code}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000)
  await db.$transaction(async (tx) => {
    const [failed] = await tx.$queryRaw<{ paymentId: string; amountCents: number; settlesAtCents: number }[]>`
      SELECT payment_id AS "paymentId", amount_cents AS "amountCents", settles_at_cents AS "settlesAtCents" FROM refund_requests WHERE id = ${requestId}`
    if (!failed) return
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ${failed.paymentId} FOR UPDATE`
    await tx.$executeRaw`UPDATE refund_requests SET status = 'FAILED', error = ${detail}, updated_at = now() WHERE id = ${requestId}`
    await tx.$executeRaw`
      UPDATE refund_requests SET settles_at_cents = settles_at_cents - ${failed.amountCents}
      WHERE payment_id = ${failed.paymentId} AND id <> ${requestId} AND status <> 'FAILED' AND settles_at_cents > ${failed.settlesAtCents}`
  })
}
