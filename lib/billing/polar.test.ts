import { afterEach, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { billingMode, polarClient } from "./polar"

const VARIABLES = ["APP_MODE", "DATABASE_URL", "BILLING_TEST_MODE", "POLAR_ACCESS_TOKEN"] as const
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))

function setEnv(values: Partial<Record<(typeof VARIABLES)[number], string>>) {
  for (const name of VARIABLES) {
    if (values[name] === undefined) delete process.env[name]
    else process.env[name] = values[name]
  }
  resetEnvCache()
}

afterEach(() => setEnv(saved))

test("production without Polar is not test mode: the SDK client answers 503 instead of simulating payments", () => {
  setEnv({ APP_MODE: "production" })
  expect(billingMode()).toBe("live")
  expect(() => polarClient()).toThrow(
    expect.objectContaining({ code: "service_unavailable", message: expect.stringContaining("BILLING_TEST_MODE=1") }),
  )
  setEnv({ DATABASE_URL: "postgres://app@db.internal/copilot" })
  expect(billingMode()).toBe("live")
})

test("production simulates payments only with BILLING_TEST_MODE=1", () => {
  setEnv({ APP_MODE: "production", BILLING_TEST_MODE: "1" })
  expect(billingMode()).toBe("test")
  expect(polarClient()).toBeUndefined()
  setEnv({ APP_MODE: "production", POLAR_ACCESS_TOKEN: "polar_oat_live" })
  expect(billingMode()).toBe("live")
  expect(polarClient()).toBeDefined()
})

test("a demo keeps today's rule: test mode exactly when there is no Polar token", () => {
  setEnv({ APP_MODE: "demo" })
  expect(billingMode()).toBe("test")
  expect(polarClient()).toBeUndefined()
  setEnv({ APP_MODE: "demo", POLAR_ACCESS_TOKEN: "polar_oat_live" })
  expect(billingMode()).toBe("live")
})
