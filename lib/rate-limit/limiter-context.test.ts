import { AsyncLocalStorage } from "node:async_hooks"
import { afterEach, expect, test, vi } from "vitest"
import { consumeRateLimit } from "./limiter"

afterEach(() => {
  vi.restoreAllMocks()
})

test("the limiter's per-key timers do not keep the request's async context alive", async () => {
  const requestContext = new AsyncLocalStorage<string>()
  const limit = { name: "context-test", points: 5, durationSeconds: 60 }
  await consumeRateLimit(limit, "outside") // the shared scope exists before any request
  const seen: (string | undefined)[] = []
  const original = globalThis.setTimeout
  vi.spyOn(globalThis, "setTimeout").mockImplementation(((callback: () => void, ms?: number) => {
    seen.push(requestContext.getStore())
    return original(callback, ms)
  }) as typeof setTimeout)
  await requestContext.run("a whole request", () => consumeRateLimit(limit, "new-visitor"))
  expect(seen.length).toBeGreaterThan(0)
  expect(seen.every((store) => store === undefined)).toBe(true)
})
