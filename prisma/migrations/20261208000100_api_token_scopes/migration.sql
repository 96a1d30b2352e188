-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('read', 'orders', 'billing', 'admin');

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(6),
ADD COLUMN     "scopes" "ApiTokenScope"[],
ADD COLUMN     "use_audited_at" TIMESTAMPTZ(6);

-- Backfill (no semicolons in these comments: the migration runner splits statements on them).
-- Tokens minted before scopes existed were minted without a second factor and possibly by an admin
-- for somebody else, so none of them keeps any write power: they become read-only (scrapers such
-- as Prometheus keep working) and expire 90 days after they were minted, like a new default token.
-- A holder who needs more mints a new token with the scopes it needs.
UPDATE "api_tokens" SET "scopes" = ARRAY['read']::"ApiTokenScope"[], "expires_at" = "created_at" + interval '90 days';
-- A token whose creation was audited with a signed-in actor other than its holder is what the
-- security review found (an admin minting for the owner): it is revoked. Tokens minted by the
-- operator CLI (no actor) or by their holder stay.
UPDATE "api_tokens" t SET "revoked_at" = CURRENT_TIMESTAMP WHERE t."revoked_at" IS NULL AND EXISTS (SELECT 1 FROM "audit_log" a WHERE a."action" = 'token.created' AND a."target_type" = 'api_token' AND a."target_id" = t."id" AND a."actor_id" IS NOT NULL AND a."actor_id" <> t."user_id");
-- Every token has an expiry from now on.
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;
