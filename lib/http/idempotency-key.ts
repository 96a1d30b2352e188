import { AppError } from "@/lib/errors"

/** Visible ASCII, as the IETF Idempotency-Key draft allows; long enough to be unguessable. */
const KEY = /^[\x21-\x7e]{8,255}$/

/**
 * The request's `Idempotency-Key` header, required on writes that must happen once however often
 * they are sent (a refund): the client makes one key per action it means, and sends it again with
 * every retry of that action.
 */
export function idempotencyKey(request: Request): string {
  const key = request.headers.get("idempotency-key")?.trim()
  if (!key)
    throw new AppError(
      "bad_request",
      "send an Idempotency-Key header: one per refund meant, the same on every retry of it",
    )
  if (!KEY.test(key))
    throw new AppError("bad_request", "the Idempotency-Key header must be 8 to 255 visible ASCII characters")
  return key
}
