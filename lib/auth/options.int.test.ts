import { afterEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { heldMessage } from "@/lib/email/demo-mailbox"
import { messageText } from "@/lib/email/plain-text"
import { resetEnvCache } from "@/lib/env"
import { createTestUser } from "@/lib/testing/fixtures"
import { authOptions } from "./options"

type EmailProviderOptions = {
  options: { maxAge: number; sendVerificationRequest: (params: Record<string, unknown>) => Promise<void> }
}
const emailProvider = () => authOptions().providers.find((p) => p.id === "email") as unknown as EmailProviderOptions

afterEach(() => {
  process.env.APP_MODE = "demo"
  resetEnvCache()
})

test("the sign-in email opens the confirm page, is sent once per token, and is kept without its link", async () => {
  expect(emailProvider().options.maxAge).toBe(15 * 60)
  const url =
    "http://localhost:3000/api/auth/callback/email?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Faccount&token=abc123&email=new%40test.example"
  const params = {
    identifier: "new@test.example",
    url,
    token: "abc123",
    expires: new Date(Date.now() + 900_000),
    provider: {},
    theme: {},
  }
  await emailProvider().options.sendVerificationRequest(params)
  await emailProvider().options.sendVerificationRequest(params)
  const messages = await db.emailMessage.findMany({ where: { to: "new@test.example" } })
  expect(messages).toHaveLength(1)
  expect(messages[0]).toMatchObject({
    status: "OUTBOX",
    template: "magic-link",
    subject: "Your sign-in link for AI Copilot Vibe",
  })
  expect(JSON.stringify(messages)).not.toContain("abc123")
  expect(messageText(messages[0]!)).toContain("[sign-in link removed]")
  // The demo mailbox holds the real one, pointing at the confirm page rather than the callback.
  const held = heldMessage(messages[0]!.id)
  expect(held?.html).toContain(
    'href="http://localhost:3000/signin/confirm?token=abc123&amp;email=new%40test.example&amp;callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Faccount"',
  )
})

test("in production mode without an email service nothing with the link is kept anywhere", async () => {
  process.env.APP_MODE = "production"
  resetEnvCache()
  const url = "http://localhost:3000/api/auth/callback/email?token=prod456&email=prod%40test.example"
  await emailProvider().options.sendVerificationRequest({
    identifier: "prod@test.example",
    url,
    token: "prod456",
    expires: new Date(Date.now() + 900_000),
    provider: {},
    theme: {},
  })
  const [message] = await db.emailMessage.findMany({ where: { to: "prod@test.example" } })
  expect(message).toMatchObject({ status: "OUTBOX" })
  expect(JSON.stringify(message)).not.toContain("prod456")
  expect(heldMessage(message!.id)).toBeUndefined()
})

test("sign-in and sign-out are audited with the user as actor", async () => {
  const user = await createTestUser("SUBSCRIBER")
  const events = authOptions().events!
  await events.signIn!({
    user: { id: user.id, email: user.email },
    account: { provider: "email", type: "email", providerAccountId: user.email },
  })
  await events.signOut!({ session: { userId: user.id } as never, token: {} as never })
  const entries = await db.auditLog.findMany({ where: { actorId: user.id }, orderBy: { createdAt: "asc" } })
  expect(entries.map((e) => [e.action, e.actorEmail])).toEqual([
    ["auth.sign_in", user.email],
    ["auth.sign_out", user.email],
  ])
  expect(entries[0]!.metadata).toMatchObject({ provider: "email", promotedToOwner: false })
})
