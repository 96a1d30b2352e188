-- CreateTable
CREATE TABLE "analytics_session_groups" (
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "campaign" TEXT NOT NULL,
    "sessions" INTEGER NOT NULL,
    "bounces" INTEGER NOT NULL,

    CONSTRAINT "analytics_session_groups_pkey" PRIMARY KEY ("day","kind","value","campaign")
);
