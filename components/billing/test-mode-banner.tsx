import { showsTestModeBanner } from "@/lib/config/posture"
import { env } from "@/lib/env"

/**
 * Production with simulated payments (BILLING_TEST_MODE=1) says so on every page: marketing,
 * account and admin alike. Read when the page renders: per request for dynamic pages, at build for
 * static ones (the 404 page today), which is why a production build runs with the production
 * environment (README, "Production"). Asking for the request here would make every page dynamic.
 */
export function TestModeBanner() {
  if (!showsTestModeBanner(env())) return null
  return (
    <div
      role="note"
      data-testid="site-test-mode-banner"
      className="border-b-2 border-dashed border-amber-500 bg-amber-50 px-4 py-2 text-center text-sm font-semibold text-amber-900"
    >
      Test mode: payments on this site are simulated. No card is charged.
    </div>
  )
}
