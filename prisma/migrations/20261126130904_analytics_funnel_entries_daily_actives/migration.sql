-- CreateTable
CREATE TABLE "analytics_daily_actives" (
    "day" DATE NOT NULL,
    "actives" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_actives_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "analytics_funnel_rollups" (
    "funnel" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(6) NOT NULL,
    "built_from" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "analytics_funnel_rollups_pkey" PRIMARY KEY ("funnel")
);

-- CreateTable
CREATE TABLE "analytics_funnel_entries" (
    "funnel" TEXT NOT NULL,
    "person" TEXT NOT NULL,
    "entry_day" DATE NOT NULL,
    "previous_entry_day" DATE,
    "t0" TIMESTAMPTZ(6) NOT NULL,
    "d1" BIGINT,
    "d2" BIGINT,
    "d3" BIGINT,
    "d4" BIGINT,
    "d5" BIGINT,
    "d6" BIGINT,
    "d7" BIGINT,
    "country" TEXT,
    "device" TEXT,
    "utm_source" TEXT,
    "variant" TEXT,

    CONSTRAINT "analytics_funnel_entries_pkey" PRIMARY KEY ("funnel","person","entry_day")
);

-- CreateIndex
CREATE INDEX "analytics_funnel_entries_funnel_entry_day_idx" ON "analytics_funnel_entries"("funnel", "entry_day");

-- Daily actives of the visitor days already rolled up (later ones are counted as they are rolled up;
-- lib/analytics/rollups/recompute.ts counts the same way).
INSERT INTO "analytics_daily_actives" ("day", "actives")
SELECT "day", ((count(*) FILTER (WHERE "user_id" IS NULL)) + count(DISTINCT "user_id" COLLATE "C"))::int
FROM "analytics_visitor_days" WHERE "visitor_id" NOT LIKE 'u:%'
GROUP BY "day";
