import { z } from "zod"
import { renameUser } from "@/lib/auth/users"
import { db } from "@/lib/db"

export const profileSchema = z.object({ name: z.string().trim().min(1, "enter your name").max(100) })
export type ProfileInput = z.infer<typeof profileSchema>

export type Profile = { email: string; name: string | null; createdAt: Date }

export async function getProfile(userId: string): Promise<Profile> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, createdAt: true } })
}

/** Only the name: the email is the sign-in identity and changes through support. */
export async function updateProfile(userId: string, input: ProfileInput): Promise<Profile> {
  return renameUser(db, userId, input.name)
}
