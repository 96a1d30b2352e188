import type { Prisma } from "@/generated/prisma/client"
import type { Role } from "@/generated/prisma/enums"
import { recordSubscriptionChange } from "@/lib/revenue/ledger"
import { encryptSecret } from "@/lib/security/crypto"
import type { SeededPlan } from "./plans"
import { newTotpSecret } from "./totp-secret"
import { demoCredentials } from "./orders"
import { addMs, addUtcMonths, HOUR_MS } from "./time"

export const DEMO_STAFF: readonly { role: Exclude<Role, "SUBSCRIBER">; email: string; name: string }[] = [
  { role: "SUPPORT", email: "support@demo.test", name: "Sasha Support" },
  { role: "ENGINEER", email: "engineer@demo.test", name: "Eli Engineer" },
  { role: "ADMIN", email: "admin@demo.test", name: "Ada Admin" },
  { role: "OWNER", email: "owner@demo.test", name: "Olive Owner" },
]

export const DEMO_SUBSCRIBER_EMAIL = "subscriber@demo.test"

/**
 * The demo accounts the launcher lists. Staff sign in with a second factor whose secret is random
 * per database (printed once, when it is seeded); the subscriber has none.
 */
export function demoAccounts(): { role: Role; email: string; secondFactor: boolean }[] {
  return [
    ...DEMO_STAFF.map((member) => ({ role: member.role, email: member.email, secondFactor: true })),
    { role: "SUBSCRIBER" as const, email: DEMO_SUBSCRIBER_EMAIL, secondFactor: false },
  ]
}

export type SeededStaff = { id: string; email: string; role: Role; totpSecret: string }

/**
 * One signed-in-able account per staff role, already enrolled in TOTP with a new random secret
 * (returned, so the launcher and the seed script print it once). Upserted by email: a re-seed
 * gives every demo staff member a new secret.
 */
export async function upsertDemoStaff(
  tx: Prisma.TransactionClient,
  options: { since: Date; now: Date; encryptionKey: string },
): Promise<SeededStaff[]> {
  const staff: SeededStaff[] = []
  for (const member of DEMO_STAFF) {
    const totpSecret = newTotpSecret()
    const fields = {
      name: member.name,
      role: member.role,
      emailVerified: options.since,
      totpSecretEnc: encryptSecret(totpSecret, options.encryptionKey),
      totpEnabledAt: options.now,
    }
    const row = await tx.user.upsert({
      where: { email: member.email },
      create: { email: member.email, createdAt: options.since, ...fields },
      update: fields,
      select: { id: true },
    })
    staff.push({ id: row.id, email: member.email, role: member.role, totpSecret })
  }
  return staff
}

/**
 * The account a demo visitor signs in as: a monthly subscriber in their second month, whose first
 * seat was delivered and whose renewal order (paid two hours ago) is still waiting, so the portal
 * shows both states. Recreated from scratch on every seed.
 */
export async function createDemoSubscriber(
  tx: Prisma.TransactionClient,
  options: { plan: SeededPlan; now: Date; fulfilledBy: string; credentialsKey?: string },
): Promise<void> {
  const { plan, now } = options
  await tx.user.deleteMany({ where: { email: DEMO_SUBSCRIBER_EMAIL } })
  const renewedAt = addMs(now, -2 * HOUR_MS)
  const startedAt = addUtcMonths(renewedAt, -1)
  const user = await tx.user.create({
    data: {
      email: DEMO_SUBSCRIBER_EMAIL,
      name: "Demo Subscriber",
      role: "SUBSCRIBER",
      emailVerified: startedAt,
      createdAt: startedAt,
    },
    select: { id: true },
  })
  const subscription = await tx.subscription.create({
    data: {
      userId: user.id,
      planId: plan.id,
      status: "ACTIVE",
      startedAt,
      currentPeriodStart: renewedAt,
      currentPeriodEnd: addUtcMonths(renewedAt, 1),
      createdAt: startedAt,
    },
    select: { id: true },
  })
  await recordSubscriptionChange(tx, {
    subscriptionId: subscription.id,
    nextMrrCents: plan.mrrCents,
    planId: plan.id,
    effectiveAt: startedAt,
    reason: "checkout",
  })
  const charge = { subscriptionId: subscription.id, userId: user.id, amountCents: plan.priceCents }
  const [first, renewal] = [`${subscription.id}p0`, `${subscription.id}p1`]
  await tx.payment.createMany({
    data: [
      {
        ...charge,
        id: first,
        polarOrderId: `demo_${first}`,
        billingReason: "subscription_create",
        paidAt: startedAt,
        createdAt: startedAt,
      },
      {
        ...charge,
        id: renewal,
        polarOrderId: `demo_${renewal}`,
        billingReason: "subscription_cycle",
        paidAt: renewedAt,
        createdAt: renewedAt,
      },
    ],
  })
  const [assignedAt, fulfilledAt] = [addMs(startedAt, 1 * HOUR_MS), addMs(startedAt, 5 * HOUR_MS)]
  const delivered = await tx.order.create({
    data: {
      ...charge,
      paymentId: first,
      status: "FULFILLED",
      paidAt: startedAt,
      dueAt: addMs(startedAt, 24 * HOUR_MS),
      assigneeId: options.fulfilledBy,
      assignedAt,
      fulfilledAt,
      createdAt: startedAt,
      events: {
        create: [
          { type: "PAID", at: startedAt },
          { type: "ASSIGNED", at: assignedAt, actorId: options.fulfilledBy },
          { type: "FULFILLED", at: fulfilledAt, actorId: options.fulfilledBy },
        ],
      },
    },
    select: { id: true },
  })
  if (options.credentialsKey) {
    await tx.order.update({
      where: { id: delivered.id },
      data: { credentialsEnc: demoCredentials(delivered.id, DEMO_SUBSCRIBER_EMAIL, options.credentialsKey) },
    })
  }
  // The exception to "renewals open no order": a second seat request waiting, so the portal and the
  // fulfilment queue both have something to show.
  await tx.order.create({
    data: {
      ...charge,
      paymentId: renewal,
      status: "PENDING",
      paidAt: renewedAt,
      dueAt: addMs(renewedAt, 24 * HOUR_MS),
      createdAt: renewedAt,
      events: { create: [{ type: "PAID", at: renewedAt }] },
    },
  })
}
