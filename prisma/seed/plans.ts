import type { PrismaClient } from "@/generated/prisma/client"
import type { BillingInterval } from "@/generated/prisma/enums"
import { monthlyRecurringCents } from "@/lib/revenue/mrr"

export type PlanSlug = "monthly" | "annual" | "team"

export type PlanDefinition = {
  slug: PlanSlug
  name: string
  description: string
  interval: BillingInterval
  priceCents: number
  seats: number
  sortOrder: number
  features: string[]
}

export const DEMO_PLANS: readonly PlanDefinition[] = [
  {
    slug: "monthly",
    name: "Copilot Monthly",
    description: "One AI copilot seat, billed every month. Cancel any time.",
    interval: "MONTH",
    priceCents: 1999,
    seats: 1,
    sortOrder: 1,
    features: [
      "One copilot seat",
      "Unlimited completions",
      "Chat in your editor",
      "Seat delivered within 24 hours",
      "Email support",
    ],
  },
  {
    slug: "annual",
    name: "Copilot Annual",
    description: "One AI copilot seat for a year: two months free compared with monthly.",
    interval: "YEAR",
    priceCents: 19900,
    seats: 1,
    sortOrder: 2,
    features: [
      "One copilot seat",
      "Unlimited completions",
      "Chat in your editor",
      "Seat delivered within 24 hours",
      "Priority email support",
      "Two months free",
    ],
  },
  {
    slug: "team",
    name: "Copilot Team",
    description: "Five copilot seats for a small team, managed from one account.",
    interval: "MONTH",
    priceCents: 4900,
    seats: 5,
    sortOrder: 3,
    features: [
      "Five copilot seats",
      "Unlimited completions",
      "Chat in your editor",
      "Seats delivered within 24 hours",
      "Priority support",
    ],
  },
]

/** A plan as the simulation needs it: its id in the database, the MRR it brings and its period in months. */
export type SeededPlan = PlanDefinition & { id: string; mrrCents: number; months: 1 | 12 }

/** Creates or refreshes the demo plans by slug; Polar product ids set by an operator are left alone. */
export async function upsertDemoPlans(prisma: PrismaClient): Promise<Record<PlanSlug, SeededPlan>> {
  const seeded = {} as Record<PlanSlug, SeededPlan>
  for (const plan of DEMO_PLANS) {
    const fields = {
      name: plan.name,
      description: plan.description,
      interval: plan.interval,
      priceCents: plan.priceCents,
      seats: plan.seats,
      sortOrder: plan.sortOrder,
      features: plan.features,
      active: true,
    }
    const row = await prisma.plan.upsert({
      where: { slug: plan.slug },
      create: { slug: plan.slug, ...fields },
      update: fields,
      select: { id: true },
    })
    seeded[plan.slug] = {
      ...plan,
      id: row.id,
      mrrCents: monthlyRecurringCents(plan),
      months: plan.interval === "YEAR" ? 12 : 1,
    }
  }
  return seeded
}
