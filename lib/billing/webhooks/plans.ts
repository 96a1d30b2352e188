import type { RawSql } from "@/lib/database/raw-transaction"
import type { PlanFacts } from "../lifecycle/state"

// Every subscription event and paid order needs its product's plan; plans change a few times a
// year, so a hit is kept for a few seconds per process. An unknown product is never cached.
const CACHE_MS = 10_000
const cache = new Map<string, { plan: PlanFacts; until: number }>()

/** The plans of several products (each as planForProductOrThrow). */
export async function plansForProducts(tx: RawSql, productIds: Iterable<string>): Promise<Map<string, PlanFacts>> {
  const plans = new Map<string, PlanFacts>()
  for (const productId of new Set(productIds)) plans.set(productId, await planForProductOrThrow(tx, productId))
  return plans
}

/**
 * The plan a Polar product id stands for: the plan linked to that product, or (test mode, where plans
 * have no Polar product) the plan whose own id it is. Throws for an unknown product, so the delivery
 * fails visibly and can be replayed once the plan is linked.
 */
export async function planForProductOrThrow(tx: RawSql, productId: string): Promise<PlanFacts> {
  const hit = cache.get(productId)
  if (hit && hit.until > Date.now()) return hit.plan
  const [plan] = await tx.$queryRaw<PlanFacts[]>`
    SELECT id, name, interval::text AS interval, price_cents AS "priceCents", currency, seats FROM plans
    WHERE polar_product_id = ${productId} OR (id = ${productId} AND polar_product_id IS NULL)
    LIMIT 1`
  if (!plan)
    throw new Error(`no plan is linked to Polar product ${productId}: set the plan's Polar product id, then replay`)
  cache.set(productId, { plan, until: Date.now() + CACHE_MS })
  return plan
}
