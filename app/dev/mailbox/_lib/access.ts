import "server-only"
import { notFound, redirect } from "next/navigation"
import { isStaff } from "@/lib/auth/roles"
import { type CurrentSession, getCurrentSession } from "@/lib/auth/session"
import { mailboxOpenToEveryone } from "@/lib/config/posture"
import { env } from "@/lib/env"

export type MailboxAccess = "open" | "second-factor" | "not-found"

/**
 * The mailbox shows every email the app sent; in a demo whose emails go nowhere else it is open to
 * everyone and shows sign-in links too (that is how a fresh clone signs in: lib/email/demo-mailbox.ts).
 * Otherwise only staff who passed the second factor read it (links redacted), and anyone else is
 * told it does not exist, rather than sent to a sign-in that would say it does.
 */
export function mailboxAccess(
  session: CurrentSession | null,
  openToEveryone = mailboxOpenToEveryone(env()),
): MailboxAccess {
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
