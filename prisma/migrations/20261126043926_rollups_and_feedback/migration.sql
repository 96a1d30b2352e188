-- CreateEnum
CREATE TYPE "FeatureRequestStatus" AS ENUM ('OPEN', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED');

-- CreateTable
CREATE TABLE "resource_hourly" (
    "instance" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "samples" INTEGER NOT NULL,
    "cpu_percent_sum" DOUBLE PRECISION NOT NULL,
    "rss_bytes_max" BIGINT NOT NULL,
    "heap_used_bytes_sum" DOUBLE PRECISION NOT NULL,
    "heap_total_bytes_sum" DOUBLE PRECISION NOT NULL,
    "event_loop_p50_ms_sum" DOUBLE PRECISION NOT NULL,
    "event_loop_p99_ms_max" DOUBLE PRECISION NOT NULL,
    "event_loop_max_ms_max" DOUBLE PRECISION NOT NULL,
    "db_round_trip_ms_sum" DOUBLE PRECISION NOT NULL,
    "db_round_trips" INTEGER NOT NULL,
    "pool_total_max" INTEGER NOT NULL,
    "pool_idle_min" INTEGER NOT NULL,
    "pool_waiting_max" INTEGER NOT NULL,
    "data_dir_bytes_max" BIGINT,
    "backup_dir_bytes_max" BIGINT,

    CONSTRAINT "resource_hourly_pkey" PRIMARY KEY ("hour","instance")
);

-- CreateTable
CREATE TABLE "analytics_hourly" (
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "name" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "analytics_hourly_pkey" PRIMARY KEY ("hour","name","dimension","value")
);

-- CreateTable
CREATE TABLE "analytics_daily" (
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_pkey" PRIMARY KEY ("day","name","dimension","value")
);

-- CreateTable
CREATE TABLE "analytics_visitor_days" (
    "day" DATE NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "user_id" TEXT,
    "consented" BOOLEAN NOT NULL DEFAULT false,
    "events" INTEGER NOT NULL,
    "page_views" INTEGER NOT NULL,
    "country" TEXT,
    "device" TEXT,

    CONSTRAINT "analytics_visitor_days_pkey" PRIMARY KEY ("day","visitor_id")
);

-- CreateTable
CREATE TABLE "analytics_sessions" (
    "session_id" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "user_id" TEXT,
    "started_at" TIMESTAMPTZ(6) NOT NULL,
    "ended_at" TIMESTAMPTZ(6) NOT NULL,
    "entry_path" TEXT,
    "exit_path" TEXT,
    "page_views" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "referrer" TEXT,
    "utm_source" TEXT,
    "utm_campaign" TEXT,
    "country" TEXT,
    "device" TEXT,

    CONSTRAINT "analytics_sessions_pkey" PRIMARY KEY ("session_id")
);

-- CreateTable
CREATE TABLE "analytics_rollup_state" (
    "name" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(6) NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "analytics_rollup_state_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "saved_funnels" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "window_days" INTEGER NOT NULL DEFAULT 14,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "saved_funnels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nps_responses" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "score" INTEGER,
    "comment" TEXT,
    "dismissed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nps_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_messages" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "rating" INTEGER,
    "message" TEXT NOT NULL,
    "page" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_requests" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "FeatureRequestStatus" NOT NULL DEFAULT 'OPEN',
    "author_id" TEXT NOT NULL,
    "vote_count" INTEGER NOT NULL DEFAULT 0,
    "status_changed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "feature_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feature_request_votes" (
    "request_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feature_request_votes_pkey" PRIMARY KEY ("request_id","user_id")
);

-- CreateIndex
CREATE INDEX "analytics_hourly_name_dimension_hour_idx" ON "analytics_hourly"("name", "dimension", "hour");

-- CreateIndex
CREATE INDEX "analytics_daily_name_dimension_day_idx" ON "analytics_daily"("name", "dimension", "day");

-- CreateIndex
CREATE INDEX "analytics_visitor_days_user_id_day_idx" ON "analytics_visitor_days"("user_id", "day");

-- CreateIndex
CREATE INDEX "analytics_sessions_started_at_idx" ON "analytics_sessions"("started_at");

-- CreateIndex
CREATE INDEX "nps_responses_created_at_idx" ON "nps_responses"("created_at");

-- CreateIndex
CREATE INDEX "nps_responses_user_id_created_at_idx" ON "nps_responses"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "feedback_messages_created_at_idx" ON "feedback_messages"("created_at");

-- CreateIndex
CREATE INDEX "feature_requests_status_vote_count_idx" ON "feature_requests"("status", "vote_count");

-- CreateIndex
CREATE INDEX "feature_request_votes_user_id_idx" ON "feature_request_votes"("user_id");

-- CreateIndex
CREATE INDEX "analytics_events_received_at_idx" ON "analytics_events"("received_at");

-- AddForeignKey
ALTER TABLE "nps_responses" ADD CONSTRAINT "nps_responses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_requests" ADD CONSTRAINT "feature_requests_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_request_votes" ADD CONSTRAINT "feature_request_votes_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "feature_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feature_request_votes" ADD CONSTRAINT "feature_request_votes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
