import "server-only"
import { db } from "@/lib/db"
import type { FeedbackMessageInput } from "./schemas"

export type StoredFeedback = { id: string; rating: number | null; createdAt: Date }

/** Stores a message from the portal's feedback form (with its optional CSAT rating). */
export async function submitFeedback(userId: string, input: FeedbackMessageInput): Promise<StoredFeedback> {
  return db.feedbackMessage.create({
    data: { userId, rating: input.rating ?? null, message: input.message, page: input.page ?? null },
    select: { id: true, rating: true, createdAt: true },
  })
}
