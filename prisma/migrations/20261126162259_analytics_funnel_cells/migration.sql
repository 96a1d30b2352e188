-- CreateTable
CREATE TABLE "analytics_funnel_cells" (
    "funnel" TEXT NOT NULL,
    "entry_day" DATE NOT NULL,
    "breakdown" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "step" SMALLINT NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "people" INTEGER NOT NULL,
    "total_us" BIGINT NOT NULL,
    "min_us" BIGINT NOT NULL,
    "max_us" BIGINT NOT NULL,

    CONSTRAINT "analytics_funnel_cells_pkey" PRIMARY KEY ("funnel","breakdown","entry_day","segment","step","bucket")
);

-- CreateTable
CREATE TABLE "analytics_funnel_month_cells" (
    "funnel" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "breakdown" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "step" SMALLINT NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "people" INTEGER NOT NULL,
    "total_us" BIGINT NOT NULL,
    "min_us" BIGINT NOT NULL,
    "max_us" BIGINT NOT NULL,

    CONSTRAINT "analytics_funnel_month_cells_pkey" PRIMARY KEY ("funnel","breakdown","month","segment","step","bucket")
);

-- Kept funnels (SQL only, see SQL_ONLY_INDEXES in lib/database/migrate.ts), covering what the
-- report reads: a median bucket's entries per step, the entries of people returning, the cells of a range.
CREATE INDEX "analytics_funnel_entries_d1_idx" ON "analytics_funnel_entries" ("funnel", "d1") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d1" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_d2_idx" ON "analytics_funnel_entries" ("funnel", "d2") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d2" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_d3_idx" ON "analytics_funnel_entries" ("funnel", "d3") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d3" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_d4_idx" ON "analytics_funnel_entries" ("funnel", "d4") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d4" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_d5_idx" ON "analytics_funnel_entries" ("funnel", "d5") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d5" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_d6_idx" ON "analytics_funnel_entries" ("funnel", "d6") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d6" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_d7_idx" ON "analytics_funnel_entries" ("funnel", "d7") INCLUDE ("entry_day", "previous_entry_day", "person", "country", "device", "utm_source", "variant") WHERE "d7" IS NOT NULL;
CREATE INDEX "analytics_funnel_entries_returning_idx" ON "analytics_funnel_entries" ("funnel", "entry_day") INCLUDE ("previous_entry_day", "person", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "country", "device", "utm_source", "variant") WHERE "previous_entry_day" IS NOT NULL;
CREATE INDEX "analytics_funnel_cells_range_idx" ON "analytics_funnel_cells" ("funnel", "breakdown", "entry_day") INCLUDE ("segment", "step", "bucket", "people", "total_us", "min_us", "max_us");

-- Kept funnels are built again, cells and all, by the next rollup run that catches up.
DELETE FROM "analytics_funnel_entries";
DELETE FROM "analytics_funnel_rollups";
