-- AlterTable
ALTER TABLE "email_messages" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "email_messages_status_priority_created_at_idx" ON "email_messages"("status", "priority", "created_at");

-- Mail still waiting goes out in the order lib/email/priority.ts gives its template
UPDATE "email_messages" SET "priority" = 0 WHERE "status" = 'QUEUED' AND "template" = 'magic-link';
UPDATE "email_messages" SET "priority" = 2 WHERE "status" = 'QUEUED' AND "template" = 'feature-request-status';
