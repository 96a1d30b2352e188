import "server-only"
import { createPolar, type Polar } from "@polar-sh/sdk/2026-10"
import { env, integrations } from "@/lib/env"
import { AppError } from "@/lib/errors"

// Live Polar, or test mode (a local checkout page that sends the same signed webhooks through the
// same handler). lib/config/posture.ts decides: production simulates payments only with
// BILLING_TEST_MODE=1; a demo also whenever POLAR_ACCESS_TOKEN is unset.

export type BillingMode = "live" | "test"

export function billingMode(): BillingMode {
  return integrations.polar() ? "live" : "test"
}

/**
 * The SDK client, or undefined in test mode; live without a token (a production start refuses that)
 * answers 503 rather than falling back to simulated payments. POLAR_API_URL (a stand-in server) wins
 * over POLAR_SERVER.
 */
export function polarClient(): Polar | undefined {
  if (!integrations.polar()) return undefined
  const { POLAR_ACCESS_TOKEN: accessToken, POLAR_API_URL: baseUrl, POLAR_SERVER: environment } = env()
  if (!accessToken)
    throw new AppError(
      "service_unavailable",
      "Polar is not configured: set POLAR_ACCESS_TOKEN, or BILLING_TEST_MODE=1 to simulate payments",
    )
  return createPolar(baseUrl ? { accessToken, baseUrl, timeout: 10 } : { accessToken, environment, timeout: 10 })
}

/** Polar's product id for a plan: the linked product, or (test mode) the plan's own id. */
export function productIdOf(plan: { id: string; polarProductId: string | null }): string {
  return plan.polarProductId ?? plan.id
}
