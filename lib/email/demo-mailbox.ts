import { mailboxOpenToEveryone } from "@/lib/config/posture"
import { env } from "@/lib/env"

// The demo's "delivery" of mail that carries a secret (a sign-in link). Without an email service a
// demo visitor signs in through /dev/mailbox, which must then show the link, while email_messages
// keeps only the copy without it. So the full message is held here, in this process's memory,
// for as long as its secret lives, and read only by the mailbox. Nothing of it is ever written
// anywhere: a restart forgets it (ask for a new link), and production mode never holds anything.

export type HeldMessage = { to: string; subject: string; html: string; expiresAt: Date }

const MAX_HELD = 1000
const KEY = Symbol.for("ai-copilot-vibe.email.demo-mailbox")
// On globalThis: route handlers and pages may be bundled apart, yet run in the one server process.
const store = globalThis as typeof globalThis & { [KEY]?: Map<string, HeldMessage> }
const held = (store[KEY] ??= new Map<string, HeldMessage>())

/** A demo whose mail goes nowhere else: exactly where /dev/mailbox is open to everyone (lib/config/posture.ts). */
export function demoMailboxHoldsSecrets(): boolean {
  return mailboxOpenToEveryone(env())
}

/** Keeps the full message of email `id` until `expiresAt`; does nothing outside a demo. */
export function holdForDemoMailbox(id: string, message: HeldMessage, now = Date.now()): boolean {
  if (!demoMailboxHoldsSecrets()) return false
  for (const [key, value] of held) if (value.expiresAt.getTime() <= now) held.delete(key)
  if (held.size >= MAX_HELD) held.delete(held.keys().next().value!)
  held.set(id, message)
  return true
}

/** The full message of email `id` while its secret lives, else undefined. */
export function heldMessage(id: string, now = Date.now()): HeldMessage | undefined {
  const message = held.get(id)
  if (message && message.expiresAt.getTime() <= now) {
    held.delete(id)
    return undefined
  }
  return message
}
