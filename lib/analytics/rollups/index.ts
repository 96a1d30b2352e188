// Rollups of analytics_events, so reports never scan raw events over long ranges.
//
// The tables (written only by a rollup run: here, and the kept funnels' in lib/analytics/funnels,
// which the run calls; read them directly):
//   analytics_hourly (hour, name, dimension, value, events, visitors)
//     hour: the UTC hour (timestamptz at :00). For each event name, one total row with dimension ""
//     and value "", and one row per value of each dimension: path, referrer (host; "(none)" = direct),
//     utm_source, utm_campaign, country (ISO alpha-2), device, browser — a missing value is stored
//     as NONE = "(none)", lib/analytics/model/dimensions.ts — and feature (props.feature; only
//     events that carry one, no "(none)" row).
//     events = events in the hour; visitors = count(DISTINCT visitor_id) in the hour.
//   analytics_daily (day, name, dimension, value, events, visitors)
//     The same per calendar day of ANALYTICS_TIME_ZONE; visitors is EXACT per day (distinct over the
//     whole day, not a sum of hours). Uniques do not add up across days: sum them never.
//   analytics_visitor_days (day, visitor_id, user_id, consented, events, page_views, country, device)
//     One row per visitor id per zone day with any event. user_id: the first user id any event of
//     that visitor carried that day (server events have visitor "u:<userId>"); consented: any event
//     was consented; events and page_views (name = "page_view") counted; country and device: the
//     first non-null of the day.
//   analytics_sessions (session_id, visitor_id, user_id, started_at, ended_at, entry_path, exit_path,
//     page_views, events, referrer, utm_source, utm_campaign, country, device)
//     One row per tracker session id (events without one are not sessions): first and last event
//     time (duration = ended_at - started_at), entry/exit path = path of the first/last page_view
//     (null when the session had none), referrer and UTM of its first event, visitor and the first
//     non-null user, country and device. A bounce is a session with page_views = 1.
//   analytics_person_visitors (visitor_id, person) and analytics_person_periods (person, kind,
//     start, first_day): the people of retention by first seen, made of analytics_visitor_days
//     (consented or signed-in days): each visitor id's person ("u:<user>" of its first day naming a
//     user, else "v:<visitor>"), and each person's weeks and months (kind "week" | "month", start =
//     the period's first day) with their first day. Always what the visitor days give (people.ts).
//   analytics_first_seen_cells (kind, first_day, start, people): the people first seen on first_day
//     active in the week or month starting on start; the report by first seen sums them.
//   analytics_daily_actives (day, actives): per zone day, the people active as feature usage counts
//     them (visitor ids without a user, plus each user once; "u:" ids are no one), from the visitor days.
//   analytics_active_days (person, day, previous_day): those people, one row per active day with
//     their previous one, rewritten for every person whose visitor days a batch changes (active-days.ts).
//   analytics_session_groups (day, kind, value, campaign, sessions, bounces): sessions by the zone
//     day they started, per entry page, exit page, referrer and UTM source + campaign ("" = none),
//     from analytics_sessions; built whole once per zone (state "session_groups@<zone>"), together with
//   analytics_session_durations (day, bucket, sessions, bounces, total_us, min_us, max_us): the same
//     sessions by duration bucket, with the sum and extremes of their durations (exact medians).
//   analytics_funnel_entries (funnel, person, entry_day, previous_entry_day, t0, d1…d7, country,
//     device, utm_source, variant) and analytics_funnel_rollups (funnel, definition, watermark,
//     built_from): the entries of the default funnel and each saved one, one row per person and day
//     with a step-1 event (lib/analytics/funnels/kept-entries.ts); funnel reports read them, and count the people of events
//     received after the watermark from raw events.
//   analytics_funnel_cells and analytics_funnel_month_cells (funnel, day or month, breakdown,
//     segment, step, bucket, people, total_us, min_us, max_us): the first entries counted by
//     breakdown value, step and duration bucket (lib/analytics/funnels/kept-cells.ts), recounted for
//     the days a batch changes.
//   analytics_web_vitals (event_id, at, metric, path, value): each web vital as a typed row (web-vitals.ts).
//   analytics_rollup_state (name, watermark)
//     "hourly", "sessions", "web_vitals", "daily@<zone>", "visitor_days@<zone>", "people@<zone>": every event with
//     received_at up to the watermark is in that rollup (people: through the visitor days; until its
//     row exists, peopleRolledUp() is false and readers use the visitor days). "raw_deleted_before":
//     raw events before it are deleted.
//
// How they stay right: each run (job `analytics.rollup`, every 5 minutes) takes the events received
// since the watermarks, up to now() - SETTLE_SECONDS, in batches of ~BATCH_EVENTS; every hour, day,
// visitor-day and session such an event falls in is recomputed whole from raw events (delete +
// insert, one transaction per batch, which also moves the watermarks), then the people of the
// visitors whose days changed are recomputed whole from the visitor days, and their funnel entries
// from their raw events (a run that has caught up builds the entries of new funnels). Late events therefore
// re-roll their units, repeating a run changes nothing, and runs in any number of steps end where
// one run over everything ends. Changing ANALYTICS_TIME_ZONE starts new daily watermarks: the daily
// tables are rebuilt in the new zone for as far back as raw events are kept.
//
// Reading: rows of units before rollupCoverage().hoursBefore / .daysBefore are complete; add raw
// events from there on (see lib/analytics/model/coverage.ts). Raw events live
// ANALYTICS_RAW_RETENTION_DAYS (default 90), the rollups longer (retention.ts), so funnels and
// anything per event reach back that far only.

export { type AnalyticsRetentionReport, applyAnalyticsRetention, ROLLUP_RETENTION_DAYS } from "./retention"
export { BATCH_EVENTS, type RollupOptions, type RollupReport, runRollups, SETTLE_SECONDS } from "./run"
export { deleteRollups, resetRollupWatermarks } from "./reset"
