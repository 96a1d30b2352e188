import "server-only"
import { notFound, redirect } from "next/navigation"
import { isStaff } from "@/lib/auth/roles"
import { type CurrentSession, getCurrentSession } from "@/lib/auth/session"
import { mailboxOpenToEveryone } from "@/lib/config/posture"
import { env } from "@/lib/env"

export type MailboxAccess = "open" | "second-factor" | "not-found"

/**
 * The mailbox holds every sign-in link. A demo whose emails go nowhere else opens it to everyone
 * (that is how a fresh clone signs in); otherwise only staff who passed the second factor read it,
 * and anyone else is told it does not exist, rather than sent to a sign-in that would say it does.
 */
export function mailboxAccess(session: CurrentSession | null, openToEveryone = mailboxOpenToEveryone(env())): MailboxAccess {
  if (openToEveryone) return "open"
  if (!session || !isStaff(session.user.role)) return "not-found"
  return session.mfaVerified ? "open" : "second-factor"
}

/** For the mailbox pages: returns when the caller may read it, else a 404 (or staff to the second factor). */
export async function requireMailboxAccess(returnTo: string): Promise<void> {
  const access = mailboxAccess(await getCurrentSession())
  if (access === "not-found") notFound()
  if (access === "second-factor") redirect(`/mfa?callbackUrl=${encodeURIComponent(returnTo)}`)
}
