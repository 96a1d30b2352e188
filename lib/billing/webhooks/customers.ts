import { randomUUID } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import type { RawSql } from "@/lib/database/raw-transaction"
import type { PolarCustomer } from "./events"

type Tx = RawSql
type UserLink = { id: string; name: string | null; email: string; polarCustomerId: string | null }

/** A customer's user, with the address and name their emails go to. */
export type CustomerUser = { id: string; email: string; name: string | null }

/**
 * Our user for a Polar customer: by external id (our user id, set at checkout), else by Polar
 * customer id, else by email; a customer who bought without any of them becomes a new subscriber.
 * Links the Polar customer id to the user the first time it is seen.
 */
export async function resolveCustomerUser(tx: Tx, customer: PolarCustomer): Promise<CustomerUser> {
  const email = customer.email?.trim().toLowerCase() ?? null
  const externalId = customer.external_id ?? null
  // One statement: the best of the three matches, linked to the Polar customer id on first sight
  // (unless it has one, or another user holds this one), with the recipient of a welcome email.
  const [found] = await tx.$queryRaw<CustomerUser[]>`
    WITH found AS (
      SELECT id, polar_customer_id, email, name FROM users
      WHERE id = ${externalId} OR polar_customer_id = ${customer.id} OR email = ${email}
      ORDER BY (id = ${externalId}) DESC NULLS LAST, (polar_customer_id = ${customer.id}) DESC NULLS LAST
      LIMIT 1
    ), linked AS (
      UPDATE users SET polar_customer_id = ${customer.id}, updated_at = now()
      FROM found
      WHERE users.id = found.id AND found.polar_customer_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM users holder WHERE holder.polar_customer_id = ${customer.id})
    )
    SELECT id, email, name FROM found`
  if (found) return found
  const created = email ? await createSubscriber(tx, { email, name: customer.name ?? null }) : null
  if (!created) throw new Error(`Polar customer ${customer.id} has neither an external id we know nor an email`)
  await linkPolarCustomer(tx, created, customer.id)
  return { id: created.id, email: created.email, name: created.name }
}

/** customer.updated: the name, a verified new email no one else uses, and the Polar customer link. */
export async function applyCustomerUpdated(tx: Tx, customer: PolarCustomer): Promise<string | null> {
  const byId = (column: Prisma.Sql, value: string) =>
    tx.$queryRaw<UserLink[]>`SELECT id, name, email, polar_customer_id AS "polarCustomerId" FROM users WHERE ${column} = ${value}`
  const user = (customer.external_id ? (await byId(Prisma.sql`id`, customer.external_id))[0] : undefined) ?? (await byId(Prisma.sql`polar_customer_id`, customer.id))[0]
  if (!user) return null
  const changes: Prisma.Sql[] = []
  const name = customer.name?.trim()
  if (name && name !== user.name) changes.push(Prisma.sql`name = ${name}`)
  const email = customer.email?.trim().toLowerCase()
  // The email is how the subscriber signs in: take it only once Polar has verified it, and only
  // when no other user signs in with it.
  if (email && email !== user.email && customer.email_verified) {
    const [taken] = await tx.$queryRaw<unknown[]>`SELECT 1 FROM users WHERE email = ${email}`
    if (!taken) changes.push(Prisma.sql`email = ${email}`)
  }
  if (changes.length > 0) await tx.$executeRaw`UPDATE users SET ${Prisma.join(changes)}, updated_at = now() WHERE id = ${user.id}`
  if (user.polarCustomerId !== customer.id) await linkPolarCustomer(tx, user, customer.id)
  return user.id
}

async function createSubscriber(tx: Tx, input: { email: string; name: string | null }): Promise<UserLink | undefined> {
  // Two deliveries for one new customer may race: the loser's insert is skipped and it reads the winner's row.
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
