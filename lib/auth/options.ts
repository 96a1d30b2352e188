import { PrismaAdapter } from "@auth/prisma-adapter"
import type { AuthOptions } from "next-auth"
import type { Adapter } from "next-auth/adapters"
import EmailProvider from "next-auth/providers/email"
import GitHubProvider from "next-auth/providers/github"
import { track } from "@/lib/analytics/ingest/track"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { normalizeSignInEmail, sendSignInLink, SIGN_IN_LINK_MAX_AGE_SECONDS } from "./magic-link"
import { promoteConfiguredOwner } from "./owners"
import { SESSION_POLICY } from "./session-policy"

let cached: AuthOptions | undefined

/** next-auth's configuration, built on first use so `next build` needs no secrets. */
export function authOptions(): AuthOptions {
  if (cached) return cached
  const { GITHUB_ID, GITHUB_SECRET, NEXTAUTH_SECRET } = env()
  cached = {
    adapter: PrismaAdapter(db) as Adapter,
    secret: NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_POLICY.maxAgeSeconds },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        normalizeIdentifier: normalizeSignInEmail,
        // The link opens our confirm page (magic-link.ts); only the stored copy lacks it.
        sendVerificationRequest: ({ identifier, url, token, expires }) =>
          sendSignInLink({ identifier, url, token, expires }),
      }),
      ...(GITHUB_ID && GITHUB_SECRET ? [GitHubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET })] : []),
    ],
    callbacks: {
      session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
    },
    events: {
      createUser: ({ user }) => {
        void track("signed_up", { userId: user.id })
      },
      signIn: async ({ user, account }) => {
        const promoted = await promoteConfiguredOwner(user.id)
        await recordAudit({
          actor: { id: user.id, email: user.email ?? "" },
          action: "auth.sign_in",
          targetType: "user",
          targetId: user.id,
          metadata: { provider: account?.provider ?? "unknown", promotedToOwner: promoted },
        })
      },
      signOut: async ({ session }) => {
        const userId = (session as { userId?: string } | undefined)?.userId
        if (!userId) return
        const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } })
        await recordAudit({ actor: user, action: "auth.sign_out", targetType: "user", targetId: userId })
      },
    },
  }
  return cached
}
