import { beforeEach, expect, test, vi } from "vitest"

const posthog = vi.hoisted(() => ({
  imported: 0,
  init: vi.fn(),
  identify: vi.fn(),
  reset: vi.fn(),
  opt_in_capturing: vi.fn(),
  opt_out_capturing: vi.fn(),
  has_opted_out_capturing: vi.fn(() => false),
}))
vi.mock("posthog-js", () => {
  posthog.imported += 1
  return { default: posthog }
})

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  vi.resetModules()
  vi.clearAllMocks()
  posthog.imported = 0
  vi.stubGlobal("window", {})
})

test("never configured (no key): consent and sign-in load nothing of PostHog", async () => {
  const client = await import("./posthog")
  client.postHogConsentChanged(true)
  client.identifyPostHogUser("user_1")
  client.resetPostHogUser()
  await flush()
  expect(posthog.imported).toBe(0)
  expect(posthog.init).not.toHaveBeenCalled()
})

test("with a key but no consent yet, posthog-js is not loaded; accepting starts it through /ingest", async () => {
  const client = await import("./posthog")
  client.configurePostHog({ key: "phc_test", host: "https://eu.i.posthog.com" }, false)
  client.identifyPostHogUser("user_1")
  await flush()
  expect(posthog.imported).toBe(0)
  client.postHogConsentChanged(true)
  await flush()
  expect(posthog.init).toHaveBeenCalledWith(
    "phc_test",
    expect.objectContaining({
      api_host: "/ingest",
      ui_host: "https://eu.posthog.com",
      person_profiles: "identified_only",
    }),
  )
  // The user known before PostHog started is identified once it runs.
  expect(posthog.identify).toHaveBeenCalledWith("user_1")
})

test("declining stops capture, and a sign-out reset does not undo the refusal", async () => {
  const client = await import("./posthog")
  client.configurePostHog({ key: "phc_test", host: "https://us.i.posthog.com" }, true)
  await flush()
  expect(posthog.init).toHaveBeenCalledTimes(1)
  client.postHogConsentChanged(false)
  await flush()
  expect(posthog.opt_out_capturing).toHaveBeenCalledTimes(1)
  client.resetPostHogUser()
  await flush()
  expect(posthog.reset).toHaveBeenCalledTimes(1)
  expect(posthog.opt_out_capturing).toHaveBeenCalledTimes(2)
})
