import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { markWebhookChangesDerived } from "@/lib/revenue/ledger"
import { lockById } from "../webhooks/apply-subscription"
import { snapshotOfEvent, subjectTimeOfEvent, subscriptionOfEvent } from "../webhooks/dispatch"
import { polarEventSchema } from "../webhooks/events"
import { POLAR_PROVIDER } from "../webhooks/deliveries"
import { recordReceipt } from "../webhooks/receipts"
import { storeSnapshot } from "./snapshots"
import { syncSubscription } from "./sync"

// Repairs a database written before subscriptions were recomputed from their snapshots: the stored
// deliveries become snapshots and receipts again, each Polar subscription's ledger is recomputed
// from them, and duplicate seat orders are closed (the oldest kept, each closure audited). Safe to
// run again: a second run changes nothing.

/** The migration that began keeping snapshots: starting the app runs the repair once, right after it. */
export const BILLING_LIFECYCLE_MIGRATION = "20261207194814_billing_lifecycle"

export type RepairReport = {
  deliveries: number
  subscriptions: number
  ledgerRowsRemoved: number
  ledgerRowsAdded: number
  duplicateOrdersClosed: string[]
}

const BATCH = 500
// A subscription with years of history is recomputed in one transaction: more than Prisma's 5 s default.
const TX = { timeout: 60_000, maxWait: 60_000 }

export async function repairBillingFromDeliveries(log: (line: string) => void = () => {}): Promise<RepairReport> {
  const report: RepairReport = {
    deliveries: 0,
    subscriptions: 0,
    ledgerRowsRemoved: 0,
    ledgerRowsAdded: 0,
    duplicateOrdersClosed: [],
  }
  const touched = new Set<string>()
  for (let cursor = ""; ;) {
    const deliveries = await db.webhookDelivery.findMany({
      where: {
        provider: POLAR_PROVIDER,
        status: "PROCESSED",
        id: { gt: cursor },
        OR: [{ eventType: { startsWith: "subscription." } }, { eventType: { startsWith: "order." } }],
      },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, payload: true },
    })
    if (deliveries.length === 0) break
    cursor = deliveries.at(-1)!.id
    for (const delivery of deliveries) {
      const parsed = polarEventSchema.safeParse(delivery.payload)
      if (!parsed.success) continue
      const event = parsed.data
      const polarId = subscriptionOfEvent(event)
      await db.webhookDelivery.update({
        where: { id: delivery.id },
        data: { subjectId: polarId, subjectAt: subjectTimeOfEvent(event) },
      })
      const subscription = polarId
        ? await db.subscription.findUnique({
            where: { polarSubscriptionId: polarId },
            select: { id: true, userId: true },
          })
        : null
      if (!subscription) continue
      await db.$transaction(async (tx) => {
        const snapshot = snapshotOfEvent(event)
        if (snapshot) await storeSnapshot(tx, subscription.id, snapshot)
        if (event.type === "order.paid" || event.type === "order.refunded") {
          await recordReceipt(tx, {
            order: event.data,
            eventType: event.type,
            userId: subscription.userId,
            subscriptionId: subscription.id,
          })
        }
      }, TX)
      touched.add(subscription.id)
      report.deliveries += 1
    }
    log(`repair: ${report.deliveries} deliveries read again`)
  }
  for (const subscriptionId of touched) {
    await db.$transaction(async (tx) => {
      const row = await lockById(tx, subscriptionId)
      if (!row) return
      // Rows written by earlier webhooks (reason "polar …") were computed from these same events.
      await markWebhookChangesDerived(tx, subscriptionId)
      const result = await syncSubscription(tx, row)
      report.ledgerRowsRemoved += result.ledger.removed
      report.ledgerRowsAdded += result.ledger.added
      for (const orderId of result.duplicateOrders) {
        await recordAudit(
          {
            actor: null,
            action: "order.duplicate_closed",
            targetType: "order",
            targetId: orderId,
            metadata: { subscriptionId, reason: "repair" },
          },
          tx,
        )
      }
      report.duplicateOrdersClosed.push(...result.duplicateOrders)
    }, TX)
    report.subscriptions += 1
  }
  await recordAudit({
    actor: null,
    action: "billing.repaired",
    metadata: { ...report, duplicateOrdersClosed: report.duplicateOrdersClosed.length },
  })
  log(
    `repair: ${report.subscriptions} subscriptions recomputed from their snapshots, ledger rows ${report.ledgerRowsRemoved} removed and ${report.ledgerRowsAdded} added, ${report.duplicateOrdersClosed.length} duplicate orders closed`,
  )
  return report
}
