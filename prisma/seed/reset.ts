import type { PrismaClient } from "@/generated/prisma/client"
import { DEMO_SUBSCRIBER_EMAIL } from "./accounts"

/** True once a business is in the database: plans, and subscribers other than the demo account. */
export async function isDatabaseSeeded(prisma: PrismaClient): Promise<boolean> {
  const plans = await prisma.plan.count()
  if (plans === 0) return false
  const subscribers = await prisma.user.count({ where: { role: "SUBSCRIBER", email: { not: DEMO_SUBSCRIBER_EMAIL } } })
  return subscribers > 0
}

/**
 * Empties the business tables, children before parents, in one transaction. Destroys EVERY user,
 * plan and order, not just demo rows: only for local and test databases.
 */
export async function deleteBusinessData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction([
    prisma.subscriptionChange.deleteMany(),
    prisma.order.deleteMany(),
    prisma.payment.deleteMany(),
    prisma.webhookDelivery.deleteMany(),
    prisma.securityEvent.deleteMany(),
    prisma.subscription.deleteMany(),
    prisma.session.deleteMany(),
    prisma.account.deleteMany(),
    prisma.apiToken.deleteMany(),
    prisma.auditLog.deleteMany(),
    prisma.emailMessage.deleteMany(),
    prisma.user.deleteMany(),
    prisma.plan.deleteMany(),
  ])
}
