-- Web vitals are read per period with every value (percentiles): a partial index holding each field
-- the report reads lets it scan vitals only, without visiting the wide event rows. Kept in SQL:
-- schema.prisma cannot say INCLUDE or WHERE (lib/database/migrate.ts, SQL_ONLY_INDEXES).
CREATE INDEX "analytics_events_web_vitals_idx" ON "analytics_events" ("at") INCLUDE ("path", "props") WHERE "name" = 'web_vital';
