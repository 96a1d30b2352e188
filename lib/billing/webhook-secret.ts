import { env, integrations } from "@/lib/env"
import { AppError } from "@/lib/errors"

/**
 * The secret test mode signs and verifies with when POLAR_WEBHOOK_SECRET is unset, shaped like the
 * secrets Polar issues (used as they are, not base64-decoded: the SDK then tries one key, not two).
 * Public on purpose: it only ever guards a local, test-mode endpoint. Live mode refuses to run
 * without a configured secret.
 */
export const TEST_MODE_WEBHOOK_SECRET = "polar_whs_ai-copilot-vibe-test-mode-secret"

/** The secret Polar deliveries are verified with; 503 in live mode without POLAR_WEBHOOK_SECRET. */
export function polarWebhookSecret(): string {
  const configured = env().POLAR_WEBHOOK_SECRET
  if (configured) return configured
  if (integrations.polar())
    throw new AppError("service_unavailable", "Polar webhooks are not configured: set POLAR_WEBHOOK_SECRET")
  return TEST_MODE_WEBHOOK_SECRET
}
