import { randomBytes } from "node:crypto"
import type { ChangeKind } from "@/generated/prisma/enums"
import { db } from "@/lib/db"

// Rows for the integration tests of the usage, traffic and geography reports: raw events, rollup
// rows and ledgered subscriptions, written straight into their tables.

export type RawEvent = {
  at: string
  name: string
  visitorId: string
  userId?: string
  sessionId?: string
  path?: string
  country?: string
  referrer?: string
  utmSource?: string
  utmCampaign?: string
  props?: Record<string, string | number>
}

export async function insertRawEvents(events: RawEvent[]): Promise<void> {
  await db.analyticsEvent.createMany({
    data: events.map((event) => ({
      at: new Date(event.at),
      name: event.name,
      visitorId: event.visitorId,
      userId: event.userId ?? null,
      sessionId: event.sessionId ?? null,
      path: event.path ?? null,
      country: event.country ?? null,
      referrer: event.referrer ?? null,
      utmSource: event.utmSource ?? null,
      utmCampaign: event.utmCampaign ?? null,
      props: event.props,
    })),
  })
}

export async function createUsers(count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const user = await db.user.create({
      data: { email: `report-${i}-${randomBytes(4).toString("hex")}@test.example` },
      select: { id: true },
    })
    ids.push(user.id)
  }
  return ids
}

let plan: Promise<string> | undefined

/** A subscription of `userId` with its ledger rows (MRR after each change follows from the deltas). */
export async function subscriptionWithLedger(
  userId: string,
  changes: { kind: ChangeKind; delta: number; at: string }[],
): Promise<string> {
  plan ??= db.plan
    .create({
      data: {
        slug: `report-plan-${randomBytes(4).toString("hex")}`,
        name: "Monthly",
        description: "test",
        interval: "MONTH",
        priceCents: 1000,
      },
      select: { id: true },
    })
    .then((row) => row.id)
  const planId = await plan
  const start = new Date(changes[0]?.at ?? "2025-01-01T00:00:00Z")
  const subscription = await db.subscription.create({
    data: {
      userId,
      planId,
      status: "ACTIVE",
      startedAt: start,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + 30 * 86_400_000),
    },
    select: { id: true },
  })
  let mrr = 0
  for (const change of changes) {
    mrr += change.delta
    await db.subscriptionChange.create({
      data: {
        subscriptionId: subscription.id,
        kind: change.kind,
        mrrDeltaCents: change.delta,
        mrrAfterCents: mrr,
        effectiveAt: new Date(change.at),
      },
    })
  }
  return subscription.id
}
