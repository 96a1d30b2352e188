import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { WebhookStatus } from "@/generated/prisma/enums"
import { type RawSql, rawTransaction } from "@/lib/database/raw-transaction"
import { db } from "@/lib/db"
import { type LockedSubscription, lockSubscriptionSql, type PrelockedSubscription } from "./apply-subscription"
import { lockCustomer } from "./customers"
import { applyPolarEvent, customerOfEvent, subscriptionOfEvent } from "./dispatch"
import type { BillingEffect } from "./effects"
import { queueBillingNotices } from "./notices"
import { trackBillingEffects } from "./track-effects"
import type { PolarEvent } from "./events"
import { storableString } from "./storable"

// Every Polar delivery is stored under its webhook id. Its effects and its PROCESSED mark commit in
// one transaction, so a delivery is applied once however often (or however concurrently) it
// arrives; a failure rolls everything back and leaves the delivery FAILED for a retry or a replay.

export const POLAR_PROVIDER = "polar"

/**
 * `payload` is the delivery's JSON text as stored (storable.ts); `rawBody` the body as received when
 * that differs. `subjectId`/`subjectAt`: the Polar subscription it is about, and Polar's instant of
 * what it carries (a subscription's failed deliveries are replayed oldest first).
 */
export type DeliveryInput = {
  eventId: string
  eventType: string
  payload: string
  rawBody?: string | null
  subjectId?: string | null
  subjectAt?: Date | null
}

export type DeliveryResult =
  | { outcome: "processed"; deliveryId: string; effects: BillingEffect[] }
  | { outcome: "duplicate"; deliveryId: string }
  | { outcome: "ignored"; deliveryId: string }

export class DeliveryFailedError extends Error {
  constructor(
    readonly eventId: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = "DeliveryFailedError"
  }
}

// Event ids this process has seen committed as PROCESSED (a final state: replay refuses it), so a
// retry storm of deliveries already applied is answered without a transaction. A miss, another
// instance or a restart simply falls through to the database, which stays the judge.
const SETTLED_MAX = 10_000
const settled = new Map<string, string>()
function remember(eventId: string, deliveryId: string): void {
  if (settled.size >= SETTLED_MAX) settled.delete(settled.keys().next().value!)
  settled.set(eventId, deliveryId)
}

/**
 * Applies a verified, parsed event once. `replay` (staff) also re-runs an IGNORED delivery; only a
 * PROCESSED one is final. Throws DeliveryFailedError after recording the failure.
 */
export async function processPolarDelivery(
  input: DeliveryInput & { event: PolarEvent; replay?: boolean },
): Promise<DeliveryResult> {
  const final: WebhookStatus[] = input.replay ? ["PROCESSED"] : ["PROCESSED", "IGNORED"]
  const known = settled.get(input.eventId)
  if (known && !input.replay) return { outcome: "duplicate", deliveryId: known }
  try {
    const result = await rawTransaction(
      async (tx): Promise<DeliveryResult> => {
        // Locks are always taken in one order: the customer, then the subscription (in the claim).
        const customerId = customerOfEvent(input.event)
        if (customerId) await lockCustomer(tx, customerId)
        const claim = await claimDelivery(tx, input, final, subscriptionOfEvent(input.event))
        if (!claim.claimed) return { outcome: "duplicate", deliveryId: claim.id }
        const effects = await applyPolarEvent(tx, input.event, claim.prelocked)
        await queueBillingNotices(tx, effects)
        return { outcome: "processed", deliveryId: claim.id, effects }
      },
      { prepared: true },
    )
    remember(input.eventId, result.deliveryId)
    if (result.outcome === "processed") trackBillingEffects(result.effects)
    return result
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).trim()
    await recordFailure(input, message)
    throw new DeliveryFailedError(input.eventId, message, { cause: error })
  }
}

/** Stores a delivery we acknowledge without acting on (an unknown or unhandled event type). */
export async function recordIgnoredDelivery(input: DeliveryInput): Promise<DeliveryResult> {
  const [row] = await insertDelivery(db, input, "IGNORED")
  if (row) return { outcome: "ignored", deliveryId: row.id }
  const existing = await db.webhookDelivery.findUniqueOrThrow({
    where: { provider_eventId: { provider: POLAR_PROVIDER, eventId: input.eventId } },
    select: { id: true },
  })
  return { outcome: "duplicate", deliveryId: existing.id }
}

/** Records a failed attempt: the delivery is FAILED with its error, one attempt more. */
export async function recordFailure(input: DeliveryInput, message: string): Promise<void> {
  // Upsert, because the failed transaction took its insert with it. Never over a PROCESSED row: a
  // concurrent copy of this delivery may have succeeded in the meantime.
  await db.$executeRaw`
    INSERT INTO webhook_deliveries (id, provider, event_id, event_type, payload, raw_body, subject_id, subject_at, status, error, attempts, received_at)
    VALUES (${randomUUID()}, ${POLAR_PROVIDER}, ${input.eventId}, ${input.eventType}, ${input.payload}::jsonb, ${input.rawBody ?? null}, ${input.subjectId ?? null},
            ${input.subjectAt ?? null}, 'FAILED', ${storableString(message).slice(0, 2000)}, 1, now())
    ON CONFLICT (provider, event_id) DO UPDATE
      SET status = 'FAILED', error = EXCLUDED.error, attempts = webhook_deliveries.attempts + 1, processed_at = NULL
      WHERE webhook_deliveries.status <> 'PROCESSED'`
}

/**
 * Inserts the delivery as PROCESSED, or, when it exists, locks it: a final one is a duplicate, any
 * other is taken over. A concurrent insert of the same id waits for ours to commit or roll back.
 * The same statement locks the subscription the event is about (a round trip fewer on every
 * delivery), which the applier then takes as it is.
 */
async function claimDelivery(
  tx: RawSql,
  input: DeliveryInput,
  final: WebhookStatus[],
  polarSubscriptionId: string | null,
): Promise<{ id: string; claimed: boolean; prelocked?: PrelockedSubscription }> {
  const [first] = await tx.$queryRaw<({ claimId: string | null } & Partial<LockedSubscription>)[]>`
    WITH claim AS (${insertDeliverySql(input, "PROCESSED")})
    SELECT claim.id AS "claimId" ${polarSubscriptionId ? Prisma.sql`, locked.*` : Prisma.empty}
    FROM (SELECT 1) AS one LEFT JOIN claim ON true
    ${polarSubscriptionId ? Prisma.sql`LEFT JOIN LATERAL (${lockSubscriptionSql(polarSubscriptionId)}) AS locked ON true` : Prisma.empty}`
  const { claimId, ...subscription } = first!
  const prelocked = polarSubscriptionId
    ? { polarSubscriptionId, row: subscription.id ? (subscription as LockedSubscription) : null }
    : undefined
  if (claimId) return { id: claimId, claimed: true, prelocked }
  const [existing] = await tx.$queryRaw<{ id: string; status: WebhookStatus }[]>`
    SELECT id, status::text AS status FROM webhook_deliveries
    WHERE provider = ${POLAR_PROVIDER} AND event_id = ${input.eventId}
    FOR UPDATE`
  if (!existing) throw new Error(`delivery ${input.eventId} vanished while being claimed`)
  if (final.includes(existing.status)) return { id: existing.id, claimed: false }
  await tx.$executeRaw`UPDATE webhook_deliveries SET status = 'PROCESSED', processed_at = now(), error = NULL, attempts = attempts + 1 WHERE id = ${existing.id}`
  return { id: existing.id, claimed: true, prelocked }
}

/** Stores a new delivery (the payload as its JSON text); nothing when its id is already stored. */
function insertDelivery(
  client: Pick<RawSql, "$queryRaw">,
  input: DeliveryInput,
  status: "PROCESSED" | "IGNORED",
): Promise<{ id: string }[]> {
  return client.$queryRaw<{ id: string }[]>(insertDeliverySql(input, status))
}

function insertDeliverySql(input: DeliveryInput, status: "PROCESSED" | "IGNORED"): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO webhook_deliveries (id, provider, event_id, event_type, payload, raw_body, subject_id, subject_at, status, attempts, received_at, processed_at)
    VALUES (${randomUUID()}, ${POLAR_PROVIDER}, ${input.eventId}, ${input.eventType}, ${input.payload}::jsonb, ${input.rawBody ?? null}, ${input.subjectId ?? null},
            ${input.subjectAt ?? null}, ${status}::"WebhookStatus", ${status === "PROCESSED" ? 1 : 0}, now(), now())
    ON CONFLICT (provider, event_id) DO NOTHING
    RETURNING id`
}
