// Pure: which seat orders a subscription owes, from what happened at Polar (its payments, its MRR
// moves and its seat counts), whatever order we heard of them in. No I/O.
//
// - A seat order opens with the first paid period of its seats: the subscription's first payment
//   (however late its delivery arrives), the first payment after a churn once the subscription is
//   reactivated, and a payment while the subscription holds more seats than its open orders cover
//   (an upgrade that adds seats opens one order for the added seats).
// - It closes when the subscription ends (churn), when its own payment is fully refunded, or when
//   the seat count drops below what the orders cover (newest orders first, whole orders only).
// - Payments are taken in Polar's order: when paid, then when created, then by id.

export type PaymentFact = { id: string; paidAt: Date; createdAt: Date; fullyRefundedAt: Date | null }

export type SeatPlanInput = {
  payments: readonly PaymentFact[]
  /** Instants MRR went to zero (CHURN rows), and from zero up (NEW, REACTIVATION rows). */
  churns: readonly Date[]
  starts: readonly Date[]
  /** Seats held from each instant on, in order; before the first, the first's. */
  seats: readonly { at: Date; seats: number }[]
}

export type SeatOrderClose = { at: Date; reason: "ended" | "refunded" | "seats_removed" }

export type PlannedSeatOrder = {
  /** The paid run it belongs to: 0 until the first churn, one more after each churn. */
  stint: number
  seats: number
  paymentId: string
  paidAt: Date
  closed: SeatOrderClose | null
}

type Step =
  | { at: Date; rank: 0; kind: "payment"; payment: PaymentFact }
  | { at: Date; rank: 1; kind: "refund"; paymentId: string }
  | { at: Date; rank: 2; kind: "seats"; seats: number }
  | { at: Date; rank: 3; kind: "churn" }

export function planSeatOrders(input: SeatPlanInput): PlannedSeatOrder[] {
  const payments = [...input.payments].sort(
    (a, b) =>
      a.paidAt.getTime() - b.paidAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const steps: Step[] = [
    ...payments.map((payment) => ({ at: payment.paidAt, rank: 0 as const, kind: "payment" as const, payment })),
    ...payments.flatMap((payment) =>
      payment.fullyRefundedAt
        ? [{ at: payment.fullyRefundedAt, rank: 1 as const, kind: "refund" as const, paymentId: payment.id }]
        : [],
    ),
    ...input.seats.map((point) => ({ at: point.at, rank: 2 as const, kind: "seats" as const, seats: point.seats })),
    ...input.churns.map((at) => ({ at, rank: 3 as const, kind: "churn" as const })),
  ]
  // Stable: at one instant a payment counts before a refund, a seat change and an end.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank)

  const churns = [...input.churns].sort((a, b) => a.getTime() - b.getTime())
  // A run after a churn exists only if the subscription earned again after that churn.
  const reactivated = (stint: number) =>
    stint === 0 || input.starts.some((start) => start.getTime() >= churns[stint - 1]!.getTime())

  const planned: PlannedSeatOrder[] = []
  let live: PlannedSeatOrder[] = []
  let stint = 0
  const close = (order: PlannedSeatOrder, at: Date, reason: SeatOrderClose["reason"]) => {
    order.closed = { at, reason }
    live = live.filter((other) => other !== order)
  }
  for (const step of steps) {
    if (step.kind === "churn") {
      for (const order of [...live]) close(order, step.at, "ended")
      stint += 1
    } else if (step.kind === "refund") {
      const order = live.find((candidate) => candidate.paymentId === step.paymentId)
      if (order) close(order, step.at, "refunded")
    } else if (step.kind === "seats") {
      // Whole orders only, newest first, while the rest still covers the seats held.
      while (live.length > 0 && sum(live) - live.at(-1)!.seats >= step.seats)
        close(live.at(-1)!, step.at, "seats_removed")
    } else if (reactivated(stint)) {
      const missing = seatsAt(input.seats, step.at) - sum(live)
      if (missing > 0) {
        const order: PlannedSeatOrder = {
          stint,
          seats: missing,
          paymentId: step.payment.id,
          paidAt: step.payment.paidAt,
          closed: null,
        }
        planned.push(order)
        live.push(order)
      }
    }
  }
  return planned
}

const sum = (orders: readonly PlannedSeatOrder[]) => orders.reduce((total, order) => total + order.seats, 0)

function seatsAt(points: readonly { at: Date; seats: number }[], at: Date): number {
  let seats = points[0]?.seats ?? 1
  for (const point of points) if (point.at.getTime() <= at.getTime()) seats = point.seats
  return seats
}
