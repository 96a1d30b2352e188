import { randomBytes } from "node:crypto"
import type { Role } from "@/generated/prisma/enums"
import type { ApiTokenScope } from "@/lib/auth/token-scopes"
import { createApiToken } from "@/lib/auth/tokens"
import { db } from "@/lib/db"

let counter = 0

export async function createTestUser(role: Role = "SUBSCRIBER", email?: string) {
  counter += 1
  return db.user.create({
    data: {
      email: email ?? `${role.toLowerCase()}-${counter}-${randomBytes(3).toString("hex")}@test.example`,
      role,
      emailVerified: new Date(),
    },
    select: { id: true, email: true, name: true, role: true },
  })
}

/** A signed-in browser session; `mfa` marks the second factor as passed. Returns the Cookie header. */
export async function createTestSession(
  userId: string,
  options: { mfa?: boolean } = {},
): Promise<{ cookie: string; sessionId: string; token: string }> {
  const token = randomBytes(24).toString("hex")
  const session = await db.session.create({
    data: {
      userId,
      sessionToken: token,
      expires: new Date(Date.now() + 86_400_000),
      mfaVerifiedAt: options.mfa ? new Date() : null,
    },
    select: { id: true },
  })
  return { cookie: `next-auth.session-token=${token}`, sessionId: session.id, token }
}

/** A user of `role` signed in; staff have passed the second factor unless `mfa: false`. */
export async function signedInAs(role: Role, options: { mfa?: boolean } = {}) {
  const user = await createTestUser(role)
  const session = await createTestSession(user.id, { mfa: options.mfa ?? role !== "SUBSCRIBER" })
  return { user, ...session }
}

/** An API token `user` mints for themselves, as the tokens page does (a session past the second factor). */
export async function createTestToken(
  user: { id: string; email: string; role: Role },
  scopes: ApiTokenScope[] = ["read"],
  expiresInDays = 90,
) {
  counter += 1
  return createApiToken({
    name: `test-token-${counter}`,
    scopes,
    expiresInDays,
    by: { user, via: "session", mfaVerified: true },
  })
}
