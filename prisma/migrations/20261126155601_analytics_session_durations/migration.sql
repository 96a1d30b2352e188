-- CreateTable
CREATE TABLE "analytics_session_durations" (
    "day" DATE NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "bounces" INTEGER NOT NULL,
    "total_us" BIGINT NOT NULL,
    "min_us" BIGINT NOT NULL,
    "max_us" BIGINT NOT NULL,

    CONSTRAINT "analytics_session_durations_pkey" PRIMARY KEY ("day","bucket")
);

-- A median bucket's values in order (SQL only, see SQL_ONLY_INDEXES in lib/database/migrate.ts).
CREATE INDEX "analytics_sessions_duration_idx" ON "analytics_sessions" (((extract(epoch FROM "ended_at" - "started_at") * 1000000)::bigint), "started_at") INCLUDE ("ended_at");

-- The session groups of each zone are counted again with the durations by the next run that catches up.
DELETE FROM "analytics_rollup_state" WHERE "name" LIKE 'session\_groups@%';
