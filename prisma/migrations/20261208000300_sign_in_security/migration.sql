-- AlterTable
ALTER TABLE "users" ADD COLUMN     "totp_attempts_since" TIMESTAMPTZ(6),
ADD COLUMN     "totp_failed_attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "user_agent" TEXT;

-- Scrub (no semicolons in these comments: the migration runner splits statements on them).
-- Sign-in emails were stored with their working link, and their idempotency key held the raw token.
-- From now on only a copy with the link removed is stored (lib/email/send-redacted.ts), so the
-- old rows get the same treatment: links replaced by the marker, keys no longer derived from a token.
UPDATE "email_messages"
SET "html" = regexp_replace("html", 'https?://[^"<>[:space:]]*/api/auth/callback/email[^"<>[:space:]]*', '[sign-in link removed]', 'g'),
    "text" = CASE WHEN "text" IS NULL THEN NULL ELSE regexp_replace("text", 'https?://[^"<>[:space:]]*/api/auth/callback/email[^"<>[:space:]]*', '[sign-in link removed]', 'g') END,
    "idempotency_key" = 'magic-link/scrubbed/' || "id"
WHERE "template" = 'magic-link';
-- Links already sent were good for 24 hours: none outlives the new 15 minutes.
UPDATE "verification_tokens" SET "expires" = LEAST("expires", CURRENT_TIMESTAMP + interval '15 minutes');
