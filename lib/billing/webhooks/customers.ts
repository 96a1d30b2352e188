import { createHash } from "node:crypto"
import {
  type CustomerUser,
  type CustomerUserLink,
  findLinkedCustomerUser,
  findOrCreateCustomerUser,
  linkUserToPolarCustomer,
  renameLinkedCustomerUser,
  updateCustomerUserContact,
} from "@/lib/auth/customer-users"
import type { RawSql } from "@/lib/database/raw-transaction"
import { preciseIso } from "../lifecycle/instant"
import type { PolarCustomer } from "./events"

type Tx = RawSql

// Every customer object Polar sends is a state of that customer at its modified_at: customer events
// (customer.created, customer.updated) and the copy inside each subscription and order event.
// polar_customers keeps, per field, the newest state that had it, so the result is the same whatever
// order they arrive in. A user billing created follows Polar's newest name; a user who existed
// before keeps the name we hold until a customer event renames them (never because of the copy
// inside every subscription event). The address changes only through a customer event, once verified.
// Users belong to lib/auth: billing decides what Polar said and calls lib/auth/customer-users.ts,
// passing the delivery's transaction.

/**
 * Serialises everything done about one Polar customer: two deliveries seeing a new customer at the
 * same moment would otherwise both link (or create) a user for it. Taken first by every delivery
 * (before the subscription's row lock: one order everywhere, so no deadlock); taking it again in
 * the same transaction is free.
 */
export async function lockCustomer(tx: Tx, polarCustomerId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`polar-customer:${polarCustomerId}`}))`
}

type Known = { name: string | null; updatedName: string | null; email: string | null; createdUser: boolean }

/** Merges one state of the customer into what we know; returns what we know now. */
async function recordCustomerState(tx: Tx, customer: PolarCustomer, from: "customer event" | "copy"): Promise<Known> {
  const event = from === "customer event"
  const email = event && customer.email_verified ? (customer.email?.toLowerCase() ?? null) : null
  const name = customer.name?.trim() || null
  const state = {
    email: customer.email?.toLowerCase() ?? null,
    verified: customer.email_verified ?? false,
    name,
    externalId: customer.external_id ?? null,
  }
  // ISO instants to the microsecond sort as text; equal instants are ordered by the state's hash.
  const at = preciseIso(customer.modified_at ?? customer.created_at ?? new Date(0))
  const version = `${at}|${createHash("sha256").update(JSON.stringify(state)).digest("hex")}`
  const [known] = await tx.$queryRaw<Known[]>`
    INSERT INTO polar_customers (id, version, external_id, name, name_version, updated_name, updated_name_version, email, email_version, updated_at)
    VALUES (${customer.id}, ${version}, ${state.externalId}, ${name}, ${name ? version : null}, ${event ? name : null}, ${event && name ? version : null},
            ${email}, ${email ? version : null}, now())
    ON CONFLICT (id) DO UPDATE SET
      version = GREATEST(polar_customers.version, EXCLUDED.version),
      external_id = CASE WHEN EXCLUDED.version > polar_customers.version THEN EXCLUDED.external_id ELSE polar_customers.external_id END,
      name = CASE WHEN EXCLUDED.name_version > COALESCE(polar_customers.name_version, '') THEN EXCLUDED.name ELSE polar_customers.name END,
      name_version = GREATEST(polar_customers.name_version, EXCLUDED.name_version),
      updated_name = CASE WHEN EXCLUDED.updated_name_version > COALESCE(polar_customers.updated_name_version, '') THEN EXCLUDED.updated_name ELSE polar_customers.updated_name END,
      updated_name_version = GREATEST(polar_customers.updated_name_version, EXCLUDED.updated_name_version),
      email = CASE WHEN EXCLUDED.email_version > COALESCE(polar_customers.email_version, '') THEN EXCLUDED.email ELSE polar_customers.email END,
      email_version = GREATEST(polar_customers.email_version, EXCLUDED.email_version),
      updated_at = now()
    RETURNING name, updated_name AS "updatedName", email, created_user AS "createdUser"`
  return known!
}

/**
 * The customer inside a subscription or order event: remembered, and the name of a user billing
 * created follows it (when it is Polar's newest).
 */
export async function noteCustomerCopy(tx: Tx, customer: PolarCustomer): Promise<void> {
  const known = await recordCustomerState(tx, customer, "copy")
  if (known.createdUser && known.name) await renameLinkedCustomerUser(tx, customer.id, known.name)
}

/**
 * Our user for a Polar customer: by external id (our user id, set at checkout), else by Polar
 * customer id, else by email; a customer who bought without any of them becomes a new subscriber.
 * Links the Polar customer id to the user the first time it is seen, and brings the user up to what
 * Polar said of the customer.
 */
export async function resolveCustomerUser(tx: Tx, customer: PolarCustomer): Promise<CustomerUser> {
  await lockCustomer(tx, customer.id)
  const email = customer.email?.toLowerCase() ?? null
  const resolved = await findOrCreateCustomerUser(tx, {
    externalId: customer.external_id ?? null,
    polarCustomerId: customer.id,
    email,
  })
  if (!resolved) throw new Error(`Polar customer ${customer.id} has neither an external id we know nor an email`)
  const { user, created } = resolved
  if (created) await tx.$executeRaw`UPDATE polar_customers SET created_user = true WHERE id = ${customer.id}`
  if (user.polarCustomerId === customer.id) return { id: user.id, email: user.email, name: user.name }
  await linkUserToPolarCustomer(tx, user, customer.id)
  return syncProfile(tx, user, customer.id)
}

/** customer.created and customer.updated: remembered; a linked user takes what they say. */
export async function applyCustomerUpdated(tx: Tx, customer: PolarCustomer): Promise<string | null> {
  await lockCustomer(tx, customer.id)
  await recordCustomerState(tx, customer, "customer event")
  const user = await findLinkedCustomerUser(tx, {
    polarCustomerId: customer.id,
    externalId: customer.external_id ?? null,
  })
  // A customer we have no user for yet keeps its newest state until its first subscription links one.
  if (!user) return null
  if (user.polarCustomerId !== customer.id) await linkUserToPolarCustomer(tx, user, customer.id)
  await syncProfile(tx, user, customer.id)
  return user.id
}

/**
 * The user takes Polar's newest name (of any state for a user billing created, of customer events
 * otherwise), and the newest verified address unless another user signs in with it (the address is
 * how the subscriber signs in).
 */
async function syncProfile(tx: Tx, user: CustomerUserLink, polarCustomerId: string): Promise<CustomerUser> {
  const [known] = await tx.$queryRaw<Known[]>`
    SELECT name, updated_name AS "updatedName", email, created_user AS "createdUser" FROM polar_customers WHERE id = ${polarCustomerId}`
  const newestName = known?.createdUser ? known.name : known?.updatedName
  return updateCustomerUserContact(tx, user, { name: newestName ?? null, email: known?.email ?? null })
}
