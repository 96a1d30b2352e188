-- CreateEnum
CREATE TYPE "ErrorGroupStatus" AS ENUM ('OPEN', 'RESOLVED', 'IGNORED');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "request_metrics" (
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "route" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "status_2xx" INTEGER NOT NULL DEFAULT 0,
    "status_3xx" INTEGER NOT NULL DEFAULT 0,
    "status_4xx" INTEGER NOT NULL DEFAULT 0,
    "status_5xx" INTEGER NOT NULL DEFAULT 0,
    "sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "buckets" INTEGER[],

    CONSTRAINT "request_metrics_pkey" PRIMARY KEY ("minute","route","method")
);

-- CreateTable
CREATE TABLE "request_metrics_hourly" (
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "route" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "status_2xx" INTEGER NOT NULL DEFAULT 0,
    "status_3xx" INTEGER NOT NULL DEFAULT 0,
    "status_4xx" INTEGER NOT NULL DEFAULT 0,
    "status_5xx" INTEGER NOT NULL DEFAULT 0,
    "sum_ms" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "buckets" INTEGER[],

    CONSTRAINT "request_metrics_hourly_pkey" PRIMARY KEY ("hour","route","method")
);

-- CreateTable
CREATE TABLE "resource_samples" (
    "id" BIGSERIAL NOT NULL,
    "instance" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "cpu_percent" DOUBLE PRECISION NOT NULL,
    "rss_bytes" BIGINT NOT NULL,
    "heap_used_bytes" BIGINT NOT NULL,
    "heap_total_bytes" BIGINT NOT NULL,
    "event_loop_p50_ms" DOUBLE PRECISION NOT NULL,
    "event_loop_p99_ms" DOUBLE PRECISION NOT NULL,
    "event_loop_max_ms" DOUBLE PRECISION NOT NULL,
    "db_round_trip_ms" DOUBLE PRECISION,
    "pool_total" INTEGER NOT NULL,
    "pool_idle" INTEGER NOT NULL,
    "pool_waiting" INTEGER NOT NULL,
    "data_dir_bytes" BIGINT,
    "backup_dir_bytes" BIGINT,

    CONSTRAINT "resource_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "error_groups" (
    "id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "top_frame" TEXT,
    "route" TEXT,
    "release" TEXT,
    "count" INTEGER NOT NULL DEFAULT 0,
    "first_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "status" "ErrorGroupStatus" NOT NULL DEFAULT 'OPEN',
    "regressed_at" TIMESTAMPTZ(6),
    "resolved_at" TIMESTAMPTZ(6),
    "sample_stack" TEXT,

    CONSTRAINT "error_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "error_occurrences" (
    "id" BIGSERIAL NOT NULL,
    "group_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "user_id" TEXT,
    "route" TEXT,
    "release" TEXT,

    CONSTRAINT "error_occurrences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "probe_results" (
    "component" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(6) NOT NULL,
    "up" BOOLEAN NOT NULL,
    "latency_ms" DOUBLE PRECISION,
    "detail" TEXT,

    CONSTRAINT "probe_results_pkey" PRIMARY KEY ("component","minute")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "queue_job_id" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "instance" TEXT NOT NULL,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "finished_at" TIMESTAMPTZ(6),
    "duration_ms" INTEGER,
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_metrics_route_minute_idx" ON "request_metrics"("route", "minute");

-- CreateIndex
CREATE INDEX "request_metrics_hourly_route_hour_idx" ON "request_metrics_hourly"("route", "hour");

-- CreateIndex
CREATE INDEX "resource_samples_at_idx" ON "resource_samples"("at");

-- CreateIndex
CREATE INDEX "resource_samples_instance_at_idx" ON "resource_samples"("instance", "at");

-- CreateIndex
CREATE UNIQUE INDEX "error_groups_fingerprint_key" ON "error_groups"("fingerprint");

-- CreateIndex
CREATE INDEX "error_groups_last_seen_at_idx" ON "error_groups"("last_seen_at");

-- CreateIndex
CREATE INDEX "error_groups_status_last_seen_at_idx" ON "error_groups"("status", "last_seen_at");

-- CreateIndex
CREATE INDEX "error_occurrences_group_id_at_idx" ON "error_occurrences"("group_id", "at");

-- CreateIndex
CREATE INDEX "error_occurrences_at_idx" ON "error_occurrences"("at");

-- CreateIndex
CREATE INDEX "probe_results_minute_idx" ON "probe_results"("minute");

-- CreateIndex
CREATE INDEX "job_runs_job_started_at_idx" ON "job_runs"("job", "started_at");

-- CreateIndex
CREATE INDEX "job_runs_started_at_idx" ON "job_runs"("started_at");

-- CreateIndex
CREATE INDEX "job_runs_status_started_at_idx" ON "job_runs"("status", "started_at");

-- AddForeignKey
ALTER TABLE "error_occurrences" ADD CONSTRAINT "error_occurrences_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "error_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
