import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { captureServerError, initSentry, sentry } from "./sentry"

afterAll(async () => {
  await sentry()?.close(1000)
  delete process.env.SENTRY_DSN
  delete process.env.SENTRY_RELEASE
  resetEnvCache()
})

test("without SENTRY_DSN, Sentry is not initialised and nothing is loaded or sent", async () => {
  delete process.env.SENTRY_DSN
  resetEnvCache()
  expect(await initSentry()).toBe(false)
  expect(sentry()).toBeUndefined()
  const Sentry = await import("@sentry/nextjs")
  expect(Sentry.getClient()).toBeUndefined()
  // Capturing is a no-op, not an error.
  expect(() => captureServerError(new Error("nowhere"))).not.toThrow()
})

test("with SENTRY_DSN, a captured server error reaches the DSN's host with the release and route", async () => {
  const envelopes: string[] = []
  const server = createServer((request, response) => {
    let body = ""
    request.on("data", (chunk) => (body += chunk))
    request.on("end", () => {
      envelopes.push(`${request.url}\n${body}`)
      response.writeHead(200).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  try {
    const { port } = server.address() as AddressInfo
    process.env.SENTRY_DSN = `http://publickey@127.0.0.1:${port}/42`
    process.env.SENTRY_RELEASE = "ai-copilot-vibe@test-release"
    resetEnvCache()
    expect(await initSentry()).toBe(true)
    expect(sentry()?.getClient()?.getOptions()).toMatchObject({
      release: "ai-copilot-vibe@test-release",
      tracesSampleRate: 0,
    })
    captureServerError(new Error("sentry sees this"), { route: "/api/test/[id]", userId: "user_1", requestId: "req-1" })
    await sentry()!.flush(5000)
    const sent = envelopes.join("\n")
    expect(sent).toContain("/api/42/envelope/")
    expect(sent).toContain("sentry sees this")
    expect(sent).toContain("ai-copilot-vibe@test-release")
    expect(sent).toContain('"route":"/api/test/[id]"')
  } finally {
    server.close()
  }
})
