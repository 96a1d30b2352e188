-- Kept funnels' people returning, by the day they last entered before (SQL only, see
-- SQL_ONLY_INDEXES in lib/database/migrate.ts): for long ranges, where few returned after a gap
-- that began before the range and the entry-day index would visit every return in it.
CREATE INDEX "analytics_funnel_entries_returned_idx" ON "analytics_funnel_entries" ("funnel", "previous_entry_day") INCLUDE ("entry_day", "person", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "country", "device", "utm_source", "variant") WHERE "previous_entry_day" IS NOT NULL;
