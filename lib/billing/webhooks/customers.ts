import { createHash, randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"
import type { PolarCustomer } from "./events"

type Tx = RawSql
type UserLink = { id: string; name: string | null; email: string; polarCustomerId: string | null }

/** A customer's user, with the address and name their emails go to. */
export type CustomerUser = { id: string; email: string; name: string | null }

// customer.updated carries a state of the customer at its modified_at. polar_customers keeps the
// newest, so a stale one arriving late changes nothing, and one arriving before the customer's first
// subscription waits there. The user takes the newest state when it arrives and when the customer is
// first linked to a user, never otherwise (the name we hold, or the user set, is not overwritten by
// the copy of the customer inside every subscription event).

/**
 * Serialises everything done about one Polar customer: two deliveries seeing a new customer at the
 * same moment would otherwise both link (or create) a user for it. Taken first by every delivery
 * (before the subscription's row lock: one order everywhere, so no deadlock); taking it again in
 * the same transaction is free.
 */
export async function lockCustomer(tx: Tx, polarCustomerId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`polar-customer:${polarCustomerId}`}))`
}

/** Stores the customer's state unless a newer (or the same) one is stored. */
async function recordCustomerState(tx: Tx, customer: PolarCustomer): Promise<void> {
  const email = customer.email?.toLowerCase() ?? null
  const state = { email, emailVerified: customer.email_verified ?? false, name: customer.name?.trim() || null, externalId: customer.external_id ?? null }
  // ISO instants sort as text; equal instants are ordered by the state's hash, never by arrival.
  const at = (customer.modified_at ?? customer.created_at ?? new Date(0)).toISOString()
  const version = `${at}|${createHash("sha256").update(JSON.stringify(state)).digest("hex")}`
  await tx.$executeRaw`
    INSERT INTO polar_customers (id, version, email, email_verified, name, external_id, updated_at)
    VALUES (${customer.id}, ${version}, ${state.email}, ${state.emailVerified}, ${state.name}, ${state.externalId}, now())
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, email = EXCLUDED.email, email_verified = EXCLUDED.email_verified,
      name = EXCLUDED.name, external_id = EXCLUDED.external_id, updated_at = now()
    WHERE polar_customers.version < EXCLUDED.version`
}

/**
 * Our user for a Polar customer: by external id (our user id, set at checkout), else by Polar
 * customer id, else by email; a customer who bought without any of them becomes a new subscriber.
 * Links the Polar customer id to the user the first time it is seen, and brings the user's name and
 * address up to the customer's newest state.
 */
export async function resolveCustomerUser(tx: Tx, customer: PolarCustomer): Promise<CustomerUser> {
  await lockCustomer(tx, customer.id)
  const email = customer.email?.toLowerCase() ?? null
  const externalId = customer.external_id ?? null
  const [found] = await tx.$queryRaw<UserLink[]>`
    SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users
    WHERE id = ${externalId} OR polar_customer_id = ${customer.id} OR email = ${email}
    ORDER BY (id = ${externalId}) DESC NULLS LAST, (polar_customer_id = ${customer.id}) DESC NULLS LAST
    LIMIT 1`
  const user = found ?? (email ? await createSubscriber(tx, { email, name: customer.name ?? null }) : undefined)
  if (!user) throw new Error(`Polar customer ${customer.id} has neither an external id we know nor an email`)
  if (user.polarCustomerId === customer.id) return { id: user.id, email: user.email, name: user.name }
  await linkPolarCustomer(tx, user, customer.id)
  return syncProfile(tx, user, customer.id)
}

/** customer.updated: the newest state is kept; a linked user takes its name and verified address. */
export async function applyCustomerUpdated(tx: Tx, customer: PolarCustomer): Promise<string | null> {
  await lockCustomer(tx, customer.id)
  await recordCustomerState(tx, customer)
  const [user] = await tx.$queryRaw<UserLink[]>`
    SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users
    WHERE polar_customer_id = ${customer.id} OR id = ${customer.external_id ?? null}
    ORDER BY (polar_customer_id = ${customer.id}) DESC NULLS LAST
    LIMIT 1`
  // A customer we have no user for yet keeps its newest state until its first subscription links one.
  if (!user) return null
  if (user.polarCustomerId !== customer.id) await linkPolarCustomer(tx, user, customer.id)
  await syncProfile(tx, user, customer.id)
  return user.id
}

/**
 * The user takes the newest customer.updated's name, and its address once Polar has verified it and
 * no other user signs in with it (the address is how the subscriber signs in).
 */
async function syncProfile(tx: Tx, user: UserLink, polarCustomerId: string): Promise<CustomerUser> {
  const [newest] = await tx.$queryRaw<{ email: string | null; emailVerified: boolean; name: string | null }[]>`
    SELECT email, email_verified AS "emailVerified", name FROM polar_customers WHERE id = ${polarCustomerId}`
  const changes: Prisma.Sql[] = []
  let { name, email } = user
  if (newest?.name && newest.name !== user.name) {
    name = newest.name
    changes.push(Prisma.sql`name = ${name}`)
  }
  if (newest?.email && newest.emailVerified && newest.email !== user.email) {
    const [taken] = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE email = ${newest.email}`
    if (!taken) {
      email = newest.email
      changes.push(Prisma.sql`email = ${email}`)
    }
  }
  if (changes.length > 0) await tx.$executeRaw`UPDATE users SET ${Prisma.join(changes)}, updated_at = now() WHERE id = ${user.id}`
  return { id: user.id, email, name }
}

async function createSubscriber(tx: Tx, input: { email: string; name: string | null }): Promise<UserLink | undefined> {
  // Two deliveries for one new address may race: the loser's insert is skipped and it reads the winner's row.
  await tx.$executeRaw`
    INSERT INTO users (id, email, name, role, created_at, updated_at) VALUES (${randomUUID()}, ${input.email}, ${input.name}, 'SUBSCRIBER', now(), now())
    ON CONFLICT (email) DO NOTHING`
  const [user] = await tx.$queryRaw<UserLink[]>`SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users WHERE email = ${input.email}`
  return user
}

/** Sets the Polar customer id unless the user has one or another user holds this one (one statement). */
async function linkPolarCustomer(tx: Tx, user: { id: string; polarCustomerId: string | null }, polarCustomerId: string): Promise<void> {
  if (user.polarCustomerId) return
  await tx.$executeRaw`
    UPDATE users SET polar_customer_id = ${polarCustomerId}, updated_at = now()
    WHERE id = ${user.id} AND polar_customer_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM users WHERE polar_customer_id = ${polarCustomerId})`
}
