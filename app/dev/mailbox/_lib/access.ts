import "server-only"
import { requireStaffSession } from "@/lib/auth/session"
import { env } from "@/lib/env"

/**
 * The mailbox holds magic links, so in production it is staff-only (with the second factor) unless
 * DEV_MAILBOX=1 opens it for a demo deployment. Outside production it is open: that is how a fresh
 * clone signs in without an email service.
 */
export async function requireMailboxAccess(returnTo: string): Promise<void> {
  const { NODE_ENV, DEV_MAILBOX } = env()
  if (NODE_ENV !== "production" || DEV_MAILBOX === "1") return
  await requireStaffSession(returnTo)
}
