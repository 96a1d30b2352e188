import { afterEach, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { appOrigin, configuredOrigin } from "./app-origin"

// NODE_ENV is typed read-only (Next's types); tests set it all the same.
const variables = process.env as Record<string, string | undefined>
const saved = { url: variables.NEXTAUTH_URL, mode: variables.NODE_ENV }
afterEach(() => {
  variables.NEXTAUTH_URL = saved.url
  if (saved.url === undefined) delete variables.NEXTAUTH_URL
  variables.NODE_ENV = saved.mode
  resetEnvCache()
})

test("regression: the app's origin is NEXTAUTH_URL's (it takes no request, so never the Host header a client sends)", () => {
  process.env.NEXTAUTH_URL = "https://app.example.com/"
  resetEnvCache()
  expect(appOrigin()).toBe("https://app.example.com")
})

test("no NEXTAUTH_URL is an error rather than a guess, in production and in tests alike", () => {
  delete variables.NEXTAUTH_URL
  for (const mode of ["production", "test"]) {
    variables.NODE_ENV = mode
    resetEnvCache()
    expect(() => appOrigin()).toThrow("NEXTAUTH_URL is not set")
  }
})

test("configuredOrigin is the same origin, or undefined without NEXTAUTH_URL (cross-site checks then use the request's own)", () => {
  process.env.NEXTAUTH_URL = "https://app.example.com/base/"
  resetEnvCache()
  expect(configuredOrigin()).toBe("https://app.example.com")
  delete variables.NEXTAUTH_URL
  resetEnvCache()
  expect(configuredOrigin()).toBeUndefined()
})
