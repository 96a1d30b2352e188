import { env, integrations } from "@/lib/env"
import { AppError } from "@/lib/http/errors"

/**
 * The Standard Webhooks secret test mode signs and verifies with when POLAR_WEBHOOK_SECRET is unset:
 * "whsec_" + base64("ai-copilot-vibe-test-mode-secret"). Public on purpose: it only ever guards a
 * local, test-mode endpoint. Live mode refuses to run without a configured secret.
 */
export const TEST_MODE_WEBHOOK_SECRET = "whsec_YWktY29waWxvdC12aWJlLXRlc3QtbW9kZS1zZWNyZXQ="

/** The secret Polar deliveries are verified with; 503 in live mode without POLAR_WEBHOOK_SECRET. */
export function polarWebhookSecret(): string {
  const configured = env().POLAR_WEBHOOK_SECRET
  if (configured) return configured
  if (integrations.polar()) throw new AppError("service_unavailable", "Polar webhooks are not configured: set POLAR_WEBHOOK_SECRET")
  return TEST_MODE_WEBHOOK_SECRET
}
