-- CreateTable
CREATE TABLE "analytics_web_vitals" (
    "event_id" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "metric" SMALLINT NOT NULL,
    "path" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "analytics_web_vitals_pkey" PRIMARY KEY ("event_id")
);

-- Every field the report reads, by instant (SQL only, see SQL_ONLY_INDEXES in lib/database/migrate.ts).
CREATE INDEX "analytics_web_vitals_at_idx" ON "analytics_web_vitals" ("at") INCLUDE ("metric", "path", "value");

-- The report no longer reads vitals from raw events but those received since the copy's watermark.
DROP INDEX "analytics_events_web_vitals_idx";

-- The vitals the other rollups have read (received up to the hourly watermark) are copied now, and
-- the copy's watermark starts there (without one, the next rollup run copies them all).
INSERT INTO "analytics_web_vitals" ("event_id", "at", "metric", "path", "value")
SELECT e."id", e."at", array_position(ARRAY['LCP', 'INP', 'CLS'], e."props" ->> 'metric')::smallint, coalesce(e."path", '/'), (e."props" ->> 'value')::float8
FROM "analytics_events" e
WHERE e."name" = 'web_vital' AND e."props" ->> 'metric' IN ('LCP', 'INP', 'CLS') AND jsonb_typeof(e."props" -> 'value') = 'number'
  AND e."received_at" <= (SELECT "watermark" FROM "analytics_rollup_state" WHERE "name" = 'hourly');
INSERT INTO "analytics_rollup_state" ("name", "watermark", "updated_at")
SELECT 'web_vitals', "watermark", now() FROM "analytics_rollup_state" WHERE "name" = 'hourly';
