import { createHash } from "node:crypto"
import type { RecurringDiscount, RecurringInterval } from "@/lib/revenue/recurring"
import type { PolarDiscount, PolarSubscriptionSnapshot, PolarSubscriptionStatus } from "../webhooks/events"
import { normalizeIso, preciseIso } from "./instant"

// A subscription snapshot as we store it: the parts of Polar's subscription that decide its state,
// its MRR and its seats, with instants as ISO text. Pure, no I/O.

export type SnapshotState = {
  status: PolarSubscriptionStatus
  productId: string
  /** Polar's amount per interval before the discount; null in payloads that predate it (the plan's price then). */
  amountCents: number | null
  currency: string | null
  interval: RecurringInterval | null
  intervalCount: number
  /** Seat-based subscriptions only; otherwise the plan says. */
  seats: number | null
  discountId: string | null
  createdAt: string
  modifiedAt: string | null
  startedAt: string | null
  currentPeriodStart: string
  currentPeriodEnd: string
  cancelAtPeriodEnd: boolean
  canceledAt: string | null
  endsAt: string | null
  endedAt: string | null
}

/** A stored snapshot: its state, and the discount it carried (only subscription.* payloads carry one). */
export type StoredSnapshot = {
  takenAt: Date
  fingerprint: string
  state: SnapshotState
  discount: RecurringDiscount | null
}

const iso = (date: Date | null | undefined) => (date ? preciseIso(date) : null)

export function snapshotState(snapshot: PolarSubscriptionSnapshot): SnapshotState {
  // Keys in a fixed order: the fingerprint hashes this object's JSON.
  return {
    status: snapshot.status,
    productId: snapshot.product_id,
    amountCents: snapshot.amount ?? null,
    currency: snapshot.currency?.toLowerCase() ?? null,
    interval: snapshot.recurring_interval ?? null,
    intervalCount: snapshot.recurring_interval_count ?? 1,
    seats: snapshot.seats ?? null,
    discountId: snapshot.discount_id ?? snapshot.discount?.id ?? null,
    createdAt: preciseIso(snapshot.created_at),
    modifiedAt: iso(snapshot.modified_at),
    startedAt: iso(snapshot.started_at),
    currentPeriodStart: preciseIso(snapshot.current_period_start),
    currentPeriodEnd: preciseIso(snapshot.current_period_end),
    cancelAtPeriodEnd: snapshot.cancel_at_period_end,
    canceledAt: iso(snapshot.canceled_at),
    endsAt: iso(snapshot.ends_at),
    endedAt: iso(snapshot.ended_at),
  }
}

export function snapshotDiscount(discount: PolarDiscount | null | undefined): RecurringDiscount | null {
  if (!discount) return null
  const common = { id: discount.id, duration: discount.duration, months: discount.duration_in_months ?? null }
  return discount.type === "percentage"
    ? { ...common, type: "percentage", basisPoints: discount.basis_points }
    : { ...common, type: "fixed", amountCents: discount.amount, currency: discount.currency }
}

/** When the state became true at Polar: modified_at, or created_at for a subscription never modified. */
export function takenAt(state: Pick<SnapshotState, "modifiedAt" | "createdAt">): Date {
  return new Date(state.modifiedAt ?? state.createdAt)
}

/** The same state always hashes the same; the discount object is left out (an order's copy lacks it). */
export function fingerprintOf(state: SnapshotState): string {
  return createHash("sha256").update(JSON.stringify(state)).digest("hex")
}

/**
 * Polar's order of snapshots: by instant to the microsecond; states at the very same instant by
 * their content (never by arrival, nor by ids that mean nothing to the order), then fingerprint.
 */
export function compareSnapshots(
  a: Pick<StoredSnapshot, "state" | "fingerprint">,
  b: Pick<StoredSnapshot, "state" | "fingerprint">,
): number {
  return (
    compareText(instantKey(a.state), instantKey(b.state)) ||
    compareText(contentKey(a.state), contentKey(b.state)) ||
    compareText(a.fingerprint, b.fingerprint)
  )
}

/** The state's own instant as six-digit ISO text, which sorts in time order. */
function instantKey(state: SnapshotState): string {
  return normalizeIso(state.modifiedAt ?? state.createdAt)
}

/** The state's fields but the discount id, in a fixed order (a stored state's keys come back reordered). */
function contentKey(state: SnapshotState): string {
  return JSON.stringify(CONTENT_FIELDS.map((field) => state[field]))
}

const CONTENT_FIELDS = [
  "status",
  "productId",
  "amountCents",
  "currency",
  "interval",
  "intervalCount",
  "seats",
  "createdAt",
  "modifiedAt",
  "startedAt",
  "currentPeriodStart",
  "currentPeriodEnd",
  "cancelAtPeriodEnd",
  "canceledAt",
  "endsAt",
  "endedAt",
] as const satisfies readonly Exclude<keyof SnapshotState, "discountId">[]

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
