-- CreateTable
CREATE TABLE "analytics_active_days" (
    "person" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "previous_day" DATE,

    CONSTRAINT "analytics_active_days_pkey" PRIMARY KEY ("person","day")
);

-- CreateIndex
CREATE INDEX "analytics_active_days_day_previous_day_idx" ON "analytics_active_days"("day", "previous_day");

-- The active days of the visitor days already rolled up (later ones are added as they are rolled up).
INSERT INTO "analytics_active_days" ("person", "day", "previous_day")
SELECT "person", "day", lag("day") OVER (PARTITION BY "person" ORDER BY "day")
FROM (
  SELECT DISTINCT coalesce('u:' || "user_id", "visitor_id") COLLATE "C" AS "person", "day"
  FROM "analytics_visitor_days" WHERE "visitor_id" NOT LIKE 'u:%'
) p;
