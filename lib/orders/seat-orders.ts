import { randomUUID } from "node:crypto"
import type { OrderEventType, OrderStatus } from "@/generated/prisma/enums"
import type { RawSql } from "@/lib/database/raw-transaction"
import { fulfilmentDueAt } from "./lifecycle"
import type { PlannedSeatOrder, SeatOrderClose } from "./seat-plan"

// Brings a subscription's orders to what planSeatOrders says it owes, inside the billing
// transaction. Billing decides which orders exist, which payment opened each and whether it closed;
// staff's work on an order (assigned, delivered, released) is kept as it is.

export type StoredOrder = {
  id: string
  status: OrderStatus
  stint: number
  seats: number
  paymentId: string | null
  /** What its opening payment charged. */
  amountCents: number
  paidAt: Date
  assigneeId: string | null
  fulfilledAt: Date | null
  releaseDueAt: Date | null
  releasedAt: Date | null
  refundedAt: Date | null
  createdAt: Date
}

export type OpenedOrder = { id: string; paymentId: string; seats: number; paidAt: Date; dueAt: Date }

/** What billing decides of an order, and when it closed (for its timeline; not a column). */
type Target = Pick<
  StoredOrder,
  "status" | "stint" | "seats" | "paymentId" | "amountCents" | "paidAt" | "releaseDueAt" | "refundedAt"
> & { closedAt: Date | null }

const STATUS_RANK: Record<OrderStatus, number> = { FULFILLED: 0, IN_PROGRESS: 1, PENDING: 2, REFUNDED: 3, CANCELED: 4 }

/**
 * Matches the stored orders to the planned ones in order (by run; delivered first, then oldest), so
 * the order staff already work on is the one kept; updates what billing decides, opens the missing
 * orders and removes the ones no longer owed (deleted if nobody worked on them; else canceled, or
 * released once delivered). Returns the orders it opened (for the "order received" email) and the
 * ones it removed.
 */
export async function reconcileSeatOrders(
  tx: RawSql,
  input: {
    subscriptionId: string
    userId: string
    planned: readonly PlannedSeatOrder[]
    stored: readonly StoredOrder[]
    amountOf: (paymentId: string) => number
  },
): Promise<{ opened: OpenedOrder[]; closedAsDuplicate: string[] }> {
  const stored = [...input.stored].sort(
    (a, b) =>
      a.stint - b.stint ||
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.paidAt.getTime() - b.paidAt.getTime() ||
      (a.id < b.id ? -1 : 1),
  )
  const opened: OpenedOrder[] = []
  const closedAsDuplicate: string[] = []
  const updates: { row: StoredOrder; target: Target; note?: string }[] = []
  input.planned.forEach((plan, index) => {
    const row = stored[index]
    if (row) updates.push({ row, target: targetOf(row, plan, input.amountOf(plan.paymentId)) })
  })
  const unowed = stored.slice(input.planned.length)
  // One nobody worked on is deleted: it existed only because of the order deliveries came in.
  const untouched = unowed.filter((row) => row.assigneeId === null && row.fulfilledAt === null).map((row) => row.id)
  if (untouched.length > 0) {
    await tx.$executeRaw`DELETE FROM orders WHERE id = ANY(${untouched}::text[])`
    closedAsDuplicate.push(...untouched)
  }
  for (const row of unowed.filter((candidate) => !untouched.includes(candidate.id))) {
    updates.push({
      row,
      target: closedTarget(row, { ...row, paymentId: null }, { at: row.paidAt, reason: "ended" }),
      note: `not owed: a duplicate of order ${stored[0]?.id}`,
    })
  }
  // A payment moves between orders only through NULL, so the unique payment_id never collides.
  const moving = updates
    .filter(({ row, target }) => row.paymentId !== null && row.paymentId !== target.paymentId)
    .map(({ row }) => row.id)
  if (moving.length > 0) await tx.$executeRaw`UPDATE orders SET payment_id = NULL WHERE id = ANY(${moving}::text[])`
  for (const { row, target, note } of updates) {
    // Only a duplicate carries a note; it is reported once, when it is closed.
    if ((await applyTarget(tx, row, target, note)) && note) closedAsDuplicate.push(row.id)
  }
  for (const plan of input.planned.slice(stored.length)) {
    const order = await insertOrder(tx, input, plan)
    if (order) opened.push(order)
  }
  return { opened, closedAsDuplicate }
}

function targetOf(row: StoredOrder, plan: PlannedSeatOrder, amountCents: number): Target {
  const owed = { stint: plan.stint, seats: plan.seats, paymentId: plan.paymentId, amountCents, paidAt: plan.paidAt }
  if (plan.closed) return closedTarget(row, owed, plan.closed)
  // Open: an order billing had closed opens again as staff left it; nothing to release or refund.
  const reopened: OrderStatus = row.fulfilledAt ? "FULFILLED" : row.assigneeId ? "IN_PROGRESS" : "PENDING"
  const status = row.status === "CANCELED" || row.status === "REFUNDED" ? reopened : row.status
  return { ...owed, status, releaseDueAt: row.releasedAt ? row.releaseDueAt : null, refundedAt: null, closedAt: null }
}

/** A refund makes an order REFUNDED; an end cancels it, or asks for the seat back once delivered. */
function closedTarget(
  row: StoredOrder,
  owed: Pick<Target, "stint" | "seats" | "paymentId" | "amountCents" | "paidAt">,
  closed: SeatOrderClose,
): Target {
  const delivered = row.fulfilledAt !== null
  const releaseDueAt = delivered ? (row.releasedAt ? (row.releaseDueAt ?? closed.at) : closed.at) : null
  if (closed.reason === "refunded")
    return { ...owed, status: "REFUNDED", releaseDueAt, refundedAt: closed.at, closedAt: closed.at }
  return { ...owed, status: delivered ? "FULFILLED" : "CANCELED", releaseDueAt, refundedAt: null, closedAt: closed.at }
}

const time = (date: Date | null) => date?.getTime() ?? null

/** Writes what billing decided of an order; false when it already was so. */
async function applyTarget(tx: RawSql, row: StoredOrder, target: Target, note?: string): Promise<boolean> {
  const same =
    row.status === target.status &&
    row.stint === target.stint &&
    row.seats === target.seats &&
    row.paymentId === target.paymentId &&
    row.amountCents === target.amountCents &&
    time(row.paidAt) === time(target.paidAt) &&
    time(row.releaseDueAt) === time(target.releaseDueAt) &&
    time(row.refundedAt) === time(target.refundedAt)
  if (same) return false
  const event = timelineEntry(row, target, note)
  await tx.$executeRaw`
    WITH changed AS (
      UPDATE orders SET status = ${target.status}::"OrderStatus", stint = ${target.stint}, seats = ${target.seats}, payment_id = ${target.paymentId}, amount_cents = ${target.amountCents},
        paid_at = ${target.paidAt}, due_at = ${fulfilmentDueAt(target.paidAt)}, release_due_at = ${target.releaseDueAt}, refunded_at = ${target.refundedAt}, updated_at = now()
      WHERE id = ${row.id} RETURNING id
    ), paid AS (
      UPDATE order_events SET at = ${target.paidAt} WHERE order_id = ${row.id} AND type = 'PAID' AND at <> ${target.paidAt}
    )
    INSERT INTO order_events (id, order_id, type, at, note)
    SELECT ${randomUUID()}, id, ${event?.type ?? "PAID"}::"OrderEventType", ${event?.at ?? target.paidAt}, ${event?.note ?? null} FROM changed WHERE ${event !== null}`
  return true
}

/** The timeline entry saying why billing changed an order, if its state (not only its dates) changed. */
function timelineEntry(
  row: StoredOrder,
  target: Target,
  note?: string,
): { type: OrderEventType; at: Date; note: string | null } | null {
  if (target.status === "REFUNDED" && row.status !== "REFUNDED")
    return { type: "REFUNDED", at: target.refundedAt!, note: note ?? null }
  if (target.status === "CANCELED" && row.status !== "CANCELED")
    return {
      type: "CANCELED",
      at: target.closedAt ?? target.paidAt,
      note: note ?? "the subscription ended before delivery",
    }
  if (target.releaseDueAt && !row.releaseDueAt)
    return { type: "RELEASE_REQUESTED", at: target.releaseDueAt, note: note ?? null }
  if ((row.status === "CANCELED" || row.status === "REFUNDED") && target.status !== row.status)
    return { type: "PAID", at: target.paidAt, note: "owed again: a late event re-decided it" }
  return null
}

/** Inserts a planned order with its timeline; returns it when it opens for staff (not closed already). */
async function insertOrder(
  tx: RawSql,
  input: { subscriptionId: string; userId: string; amountOf: (paymentId: string) => number },
  plan: PlannedSeatOrder,
): Promise<OpenedOrder | null> {
  const row: StoredOrder = {
    id: randomUUID(),
    status: "PENDING",
    stint: plan.stint,
    seats: plan.seats,
    paymentId: plan.paymentId,
    amountCents: input.amountOf(plan.paymentId),
    paidAt: plan.paidAt,
    assigneeId: null,
    fulfilledAt: null,
    releaseDueAt: null,
    releasedAt: null,
    refundedAt: null,
    createdAt: new Date(),
  }
  const target = plan.closed ? closedTarget(row, row, plan.closed) : null
  const closing = target && timelineEntry(row, target)
  const dueAt = fulfilmentDueAt(plan.paidAt)
  await tx.$executeRaw`
    WITH opened AS (
      INSERT INTO orders (id, subscription_id, user_id, payment_id, amount_cents, seats, stint, paid_at, due_at, status, refunded_at, created_at, updated_at)
      VALUES (${row.id}, ${input.subscriptionId}, ${input.userId}, ${plan.paymentId}, ${row.amountCents}, ${plan.seats}, ${plan.stint},
              ${plan.paidAt}, ${dueAt}, ${target?.status ?? "PENDING"}::"OrderStatus", ${target?.refundedAt ?? null}, now(), now())
      RETURNING id
    ), paid AS (
      INSERT INTO order_events (id, order_id, type, at) SELECT ${randomUUID()}, id, 'PAID', ${plan.paidAt} FROM opened
    )
    INSERT INTO order_events (id, order_id, type, at, note)
    SELECT ${randomUUID()}, id, ${closing?.type ?? "CANCELED"}::"OrderEventType", ${closing?.at ?? plan.paidAt}, ${closing?.note ?? null} FROM opened WHERE ${closing !== null}`
  return target ? null : { id: row.id, paymentId: plan.paymentId, seats: plan.seats, paidAt: plan.paidAt, dueAt }
}
