import { afterAll, beforeAll } from "vitest"
import { POST as webhookPost } from "@/app/api/webhooks/polar/route"
import { resetEnvCache } from "@/lib/env"
import { serveRoutes } from "./route-server"

/**
 * For a test file exercising test mode end to end: our webhook endpoint on a real local port, and
 * NEXTAUTH_URL pointing at it, so the test-mode sender's HTTP requests reach the real handler.
 */
export function serveWebhooksForTestMode(): void {
  let close: (() => Promise<void>) | undefined
  const saved = process.env.NEXTAUTH_URL
  beforeAll(async () => {
    const server = await serveRoutes({ "POST /api/webhooks/polar": webhookPost })
    close = server.close
    process.env.NEXTAUTH_URL = server.url
    delete process.env.POLAR_ACCESS_TOKEN
    resetEnvCache()
  })
  afterAll(async () => {
    await close?.()
    if (saved === undefined) delete process.env.NEXTAUTH_URL
    else process.env.NEXTAUTH_URL = saved
    resetEnvCache()
  })
}
