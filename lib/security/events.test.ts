import { createHash } from "node:crypto"
import { afterEach, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { hashAddress } from "./events"

const saved = { ENCRYPTION_KEY: process.env.ENCRYPTION_KEY, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET }

function setSecrets(secrets: { ENCRYPTION_KEY?: string; NEXTAUTH_SECRET?: string }) {
  for (const key of ["ENCRYPTION_KEY", "NEXTAUTH_SECRET"] as const) {
    if (secrets[key] === undefined) delete process.env[key]
    else process.env[key] = secrets[key]
  }
  resetEnvCache()
}

afterEach(() => setSecrets(saved))

test("an address is hashed with the encryption key, never kept raw", () => {
  setSecrets({ ENCRYPTION_KEY: "k1", NEXTAUTH_SECRET: "n1" })
  const expected = createHash("sha256").update("k1203.0.113.7").digest("hex")
  expect(hashAddress("203.0.113.7")).toBe(expected)
  expect(hashAddress(" 203.0.113.7 ")).toBe(expected)
  expect(hashAddress("203.0.113.8")).not.toBe(expected)
})

test("without an encryption key the next-auth secret keys the hash; without either nothing is stored", () => {
  setSecrets({ NEXTAUTH_SECRET: "n1" })
  expect(hashAddress("2001:db8::1")).toBe(createHash("sha256").update("n12001:db8::1").digest("hex"))
  setSecrets({})
  expect(hashAddress("2001:db8::1")).toBeNull()
})
