import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"

// The users behind Polar's customers. Billing decides what Polar said (lib/billing/webhooks/
// customers.ts) and calls these inside its delivery's transaction, passing that transaction; these
// alone find, create, link and rename such users.

type Tx = RawSql

/** A user as billing links it to a Polar customer. */
export type CustomerUserLink = { id: string; name: string | null; email: string; polarCustomerId: string | null }

/** A customer's user, with the address and name their emails go to. */
export type CustomerUser = { id: string; email: string; name: string | null }

/**
 * The user a Polar customer names: by external id (our user id, set at checkout), else by Polar
 * customer id, else by email; failing all three, a new subscriber with that email (`created`).
 * Null when nothing matches and the customer has no email.
 */
export async function findOrCreateCustomerUser(
  tx: Tx,
  customer: { externalId: string | null; polarCustomerId: string; email: string | null },
): Promise<{ user: CustomerUserLink; created: boolean } | null> {
  const { externalId, polarCustomerId, email } = customer
  const [found] = await tx.$queryRaw<CustomerUserLink[]>`
    SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users
    WHERE id = ${externalId} OR polar_customer_id = ${polarCustomerId} OR email = ${email}
    ORDER BY (id = ${externalId}) DESC NULLS LAST, (polar_customer_id = ${polarCustomerId}) DESC NULLS LAST
    LIMIT 1`
  if (found) return { user: found, created: false }
  if (!email) return null
  // A new subscriber starts without a name: billing gives it Polar's newest (updateCustomerUserContact).
  const created = await createSubscriber(tx, email)
  if (created) return { user: created, created: true }
  const existing = await userByEmail(tx, email)
  return existing ? { user: existing, created: false } : null
}

/** The user already linked to a Polar customer, else the one its external id names; null when neither exists. */
export async function findLinkedCustomerUser(
  tx: Tx,
  customer: { polarCustomerId: string; externalId: string | null },
): Promise<CustomerUserLink | null> {
  const [user] = await tx.$queryRaw<CustomerUserLink[]>`
    SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users
    WHERE polar_customer_id = ${customer.polarCustomerId} OR id = ${customer.externalId}
    ORDER BY (polar_customer_id = ${customer.polarCustomerId}) DESC NULLS LAST
    LIMIT 1`
  return user ?? null
}

/** Sets the Polar customer id unless the user has one or another user holds this one (one statement). */
export async function linkUserToPolarCustomer(
  tx: Tx,
  user: { id: string; polarCustomerId: string | null },
  polarCustomerId: string,
): Promise<void> {
  if (user.polarCustomerId) return
  await tx.$executeRaw`
    UPDATE users SET polar_customer_id = ${polarCustomerId}, updated_at = now()
    WHERE id = ${user.id} AND polar_customer_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM users WHERE polar_customer_id = ${polarCustomerId})`
}

/** Renames the user linked to a Polar customer, unless they already have that name. */
export async function renameLinkedCustomerUser(tx: Tx, polarCustomerId: string, name: string): Promise<void> {
  await tx.$executeRaw`UPDATE users SET name = ${name}, updated_at = now() WHERE polar_customer_id = ${polarCustomerId} AND name IS DISTINCT FROM ${name}`
}

/**
 * Brings a customer's user up to Polar's newest name and verified address (either may be null: no
 * news). The address stays unless no other user signs in with the new one (it is how the
 * subscriber signs in). Returns the user as it is now.
 */
export async function updateCustomerUserContact(
  tx: Tx,
  user: CustomerUserLink,
  newest: { name: string | null; email: string | null },
): Promise<CustomerUser> {
  const changes: Prisma.Sql[] = []
  let { name, email } = user
  if (newest.name && newest.name !== user.name) {
    name = newest.name
    changes.push(Prisma.sql`name = ${name}`)
  }
  if (newest.email && newest.email !== user.email) {
    const [taken] = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE email = ${newest.email}`
    if (!taken) {
      email = newest.email
      changes.push(Prisma.sql`email = ${email}`)
    }
  }
  if (changes.length > 0)
    await tx.$executeRaw`UPDATE users SET ${Prisma.join(changes)}, updated_at = now() WHERE id = ${user.id}`
  return { id: user.id, email, name }
}

/** A new subscriber; undefined when a concurrent delivery created this address first (it is found then). */
async function createSubscriber(tx: Tx, email: string): Promise<CustomerUserLink | undefined> {
  const [user] = await tx.$queryRaw<CustomerUserLink[]>`
    INSERT INTO users (id, email, name, role, created_at, updated_at) VALUES (${randomUUID()}, ${email}, NULL, 'SUBSCRIBER', now(), now())
    ON CONFLICT (email) DO NOTHING
    RETURNING id, name, email, polar_customer_id AS "polarCustomerId"`
  return user
}

async function userByEmail(tx: Tx, email: string): Promise<CustomerUserLink | undefined> {
  const [user] = await tx.$queryRaw<
    CustomerUserLink[]
  >`SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users WHERE email = ${email}`
  return user
}
