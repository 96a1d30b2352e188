import "server-only"
import { createPolar, type Polar } from "@polar-sh/sdk/2026-10"
import { env, integrations } from "@/lib/env"

// Live Polar when POLAR_ACCESS_TOKEN is set; otherwise the app runs in test mode (a local checkout
// page that sends the same signed webhooks through the same handler).

export type BillingMode = "live" | "test"

export function billingMode(): BillingMode {
  return integrations.polar() ? "live" : "test"
}

/** The SDK client, or undefined in test mode. POLAR_API_URL (a stand-in server) wins over POLAR_SERVER. */
export function polarClient(): Polar | undefined {
  const { POLAR_ACCESS_TOKEN: accessToken, POLAR_API_URL: baseUrl, POLAR_SERVER: environment } = env()
  if (!accessToken) return undefined
  return createPolar(baseUrl ? { accessToken, baseUrl, timeout: 10 } : { accessToken, environment, timeout: 10 })
}

/** Polar's product id for a plan: the linked product, or (test mode) the plan's own id. */
export function productIdOf(plan: { id: string; polarProductId: string | null }): string {
  return plan.polarProductId ?? plan.id
}
