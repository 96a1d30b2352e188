import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"

// Users as other domains see them: the subscriber renaming themselves, and what staff pages show.
// A write takes the caller's client, so a caller inside a transaction passes its own.

type UserWriter = Pick<Prisma.TransactionClient, "user">

/** The account's own profile fields. */
export type UserProfile = { email: string; name: string | null; createdAt: Date }

/** Only the name: the email is the sign-in identity and changes through support. */
export async function renameUser(tx: UserWriter, userId: string, name: string): Promise<UserProfile> {
  return tx.user.update({ where: { id: userId }, data: { name }, select: { email: true, name: true, createdAt: true } })
}

/** One user as staff see them (never their second factor or sessions); null when there is no such user. */
export async function findUserForStaff(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      emailVerified: true,
      polarCustomerId: true,
      createdAt: true,
    },
  })
}

/** Email addresses by user id, for naming the actors in a timeline; unknown ids are left out. */
export async function emailsOfUsers(userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map()
  const users = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true } })
  return new Map(users.map((user) => [user.id, user.email]))
}
