-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'usd',
ADD COLUMN     "seats" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "subscription_changes" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'usd',
ADD COLUMN     "derived" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "seats" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "stint" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "paid_at_exact" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "polar_created_at" TIMESTAMPTZ(6),
ADD COLUMN     "refunded_at" TIMESTAMPTZ(6),
ADD COLUMN     "refunded_tax_cents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tax_cents" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "raw_body" TEXT,
ADD COLUMN     "subject_at" TIMESTAMPTZ(6),
ADD COLUMN     "subject_id" TEXT;

-- CreateTable
CREATE TABLE "subscription_snapshots" (
    "id" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(6) NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "polar_customers" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "external_id" TEXT,
    "name" TEXT,
    "name_version" TEXT,
    "updated_name" TEXT,
    "updated_name_version" TEXT,
    "email" TEXT,
    "email_version" TEXT,
    "created_user" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "polar_customers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "subscription_snapshots_subscription_id_taken_at_idx" ON "subscription_snapshots"("subscription_id", "taken_at");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_snapshots_subscription_id_fingerprint_key" ON "subscription_snapshots"("subscription_id", "fingerprint");

-- CreateIndex
CREATE INDEX "webhook_deliveries_subject_id_subject_at_idx" ON "webhook_deliveries"("subject_id", "subject_at");

-- AddForeignKey
ALTER TABLE "subscription_snapshots" ADD CONSTRAINT "subscription_snapshots_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (no semicolons in these comments: the migration runner splits statements on them).
-- Receipts recorded before tax was kept apart were all untaxed, ordered by when they were paid. Seats and currency come from the plan. Ledgers and duplicate orders are repaired from
-- the stored deliveries by lib/billing/lifecycle/repair.ts, which runs after this.
UPDATE "payments" SET "polar_created_at" = "paid_at";
UPDATE "payments" p SET "refunded_at" = o."refunded_at" FROM "orders" o WHERE o."payment_id" = p."id" AND p."status" = 'REFUNDED';
UPDATE "subscriptions" s SET "seats" = p."seats", "currency" = p."currency" FROM "plans" p WHERE p."id" = s."plan_id";
UPDATE "orders" o SET "seats" = s."seats" FROM "subscriptions" s WHERE s."id" = o."subscription_id";
UPDATE "subscription_changes" c SET "currency" = s."currency" FROM "subscriptions" s WHERE s."id" = c."subscription_id";
