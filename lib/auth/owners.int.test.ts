import { afterEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { createTestUser } from "@/lib/testing/fixtures"
import { promoteConfiguredOwner } from "./owners"
import { setRoleAsOperator } from "./team"

afterEach(() => {
  delete process.env.OWNER_EMAILS
  resetEnvCache()
})

test("an address listed in OWNER_EMAILS becomes owner on sign-in, once, audited", async () => {
  const user = await createTestUser("SUBSCRIBER", "Founder@Test.Example".toLowerCase())
  process.env.OWNER_EMAILS = "someone@else.example, FOUNDER@test.example"
  resetEnvCache()
  expect(await promoteConfiguredOwner(user.id)).toBe(true)
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("OWNER")
  expect(await promoteConfiguredOwner(user.id)).toBe(false)
  const entries = await db.auditLog.findMany({ where: { targetId: user.id, action: "user.role_changed" } })
  expect(entries).toHaveLength(1)
  expect(entries[0]!.metadata).toMatchObject({ from: "SUBSCRIBER", to: "OWNER", reason: "OWNER_EMAILS" })
})

test("others are left alone, and nothing happens without OWNER_EMAILS", async () => {
  const user = await createTestUser("SUPPORT")
  expect(await promoteConfiguredOwner(user.id)).toBe(false)
  process.env.OWNER_EMAILS = "founder@test.example"
  resetEnvCache()
  expect(await promoteConfiguredOwner(user.id)).toBe(false)
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("SUPPORT")
})

test("regression: OWNER_EMAILS does not promote again an owner the team demoted", async () => {
  const user = await createTestUser("SUBSCRIBER")
  process.env.OWNER_EMAILS = user.email
  resetEnvCache()
  expect(await promoteConfiguredOwner(user.id)).toBe(true)
  await setRoleAsOperator({ email: user.email, role: "ADMIN" })
  expect(await promoteConfiguredOwner(user.id)).toBe(false)
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("ADMIN")
})
