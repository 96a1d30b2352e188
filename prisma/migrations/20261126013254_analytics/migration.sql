-- CreateTable
CREATE TABLE "analytics_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "name" TEXT NOT NULL,
    "visitor_id" TEXT NOT NULL,
    "consented" BOOLEAN NOT NULL DEFAULT false,
    "session_id" TEXT,
    "user_id" TEXT,
    "path" TEXT,
    "referrer" TEXT,
    "utm_source" TEXT,
    "utm_medium" TEXT,
    "utm_campaign" TEXT,
    "utm_term" TEXT,
    "utm_content" TEXT,
    "country" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "device" TEXT,
    "screen" TEXT,
    "props" JSONB,

    CONSTRAINT "analytics_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_salts" (
    "day" DATE NOT NULL,
    "salt" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_salts_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "analytics_events_at_idx" ON "analytics_events"("at");

-- CreateIndex
CREATE INDEX "analytics_events_name_at_idx" ON "analytics_events"("name", "at");

-- CreateIndex
CREATE INDEX "analytics_events_visitor_id_at_idx" ON "analytics_events"("visitor_id", "at");

-- CreateIndex
CREATE INDEX "analytics_events_user_id_at_idx" ON "analytics_events"("user_id", "at");
