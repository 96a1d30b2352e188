-- CreateTable
CREATE TABLE "analytics_person_visitors" (
    "visitor_id" TEXT NOT NULL,
    "person" TEXT NOT NULL,

    CONSTRAINT "analytics_person_visitors_pkey" PRIMARY KEY ("visitor_id")
);

-- CreateTable
CREATE TABLE "analytics_person_periods" (
    "person" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "start" DATE NOT NULL,
    "first_day" DATE NOT NULL,

    CONSTRAINT "analytics_person_periods_pkey" PRIMARY KEY ("person","kind","start")
);

-- CreateTable
CREATE TABLE "analytics_first_seen_cells" (
    "kind" TEXT NOT NULL,
    "first_day" DATE NOT NULL,
    "start" DATE NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "analytics_first_seen_cells_pkey" PRIMARY KEY ("kind","first_day","start")
);

-- CreateIndex
CREATE INDEX "analytics_person_visitors_person_idx" ON "analytics_person_visitors"("person");

-- CreateIndex
CREATE INDEX "analytics_person_periods_kind_first_day_start_idx" ON "analytics_person_periods"("kind", "first_day", "start");

-- CreateIndex
CREATE INDEX "analytics_visitor_days_visitor_id_day_idx" ON "analytics_visitor_days"("visitor_id", "day");
