import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { messageText } from "@/lib/email/plain-text"
import { createTestUser } from "@/lib/testing/fixtures"
import { authOptions } from "./options"

test("the magic link is rendered from the template into the outbox, once per token", async () => {
  const email = authOptions().providers.find((p) => p.id === "email") as unknown as {
    options: { sendVerificationRequest: (params: Record<string, unknown>) => Promise<void> }
  }
  const url = "http://localhost:3000/api/auth/callback/email?token=abc123&email=new%40test.example"
  const params = { identifier: "new@test.example", url, token: "abc123", expires: new Date(), provider: {}, theme: {} }
  await email.options.sendVerificationRequest(params)
  await email.options.sendVerificationRequest(params)
  const messages = await db.emailMessage.findMany({ where: { to: "new@test.example" } })
  expect(messages).toHaveLength(1)
  expect(messages[0]).toMatchObject({ status: "OUTBOX", template: "magic-link", subject: "Your sign-in link for AI Copilot Vibe" })
  expect(messageText(messages[0]!)).toContain(url)
  expect(messages[0]!.html).toContain("Sign in")
})

test("sign-in and sign-out are audited with the user as actor", async () => {
  const user = await createTestUser("SUBSCRIBER")
  const events = authOptions().events!
  await events.signIn!({ user: { id: user.id, email: user.email }, account: { provider: "email", type: "email", providerAccountId: user.email } })
  await events.signOut!({ session: { userId: user.id } as never, token: {} as never })
  const entries = await db.auditLog.findMany({ where: { actorId: user.id }, orderBy: { createdAt: "asc" } })
  expect(entries.map((e) => [e.action, e.actorEmail])).toEqual([
    ["auth.sign_in", user.email],
    ["auth.sign_out", user.email],
  ])
  expect(entries[0]!.metadata).toMatchObject({ provider: "email", promotedToOwner: false })
})
