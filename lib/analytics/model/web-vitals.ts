import { Prisma } from "@/generated/prisma/client"

// What a web vital is, as the rollup copies it into analytics_web_vitals
// (lib/analytics/rollups/web-vitals.ts) and the report reads it, from the copies and from raw events
// (lib/analytics/reports/web-vitals.ts).

export const VITAL_METRICS = ["LCP", "INP", "CLS"] as const
export type VitalMetric = (typeof VITAL_METRICS)[number]

/** The copy's watermark in analytics_rollup_state: every vital received up to it is copied. */
export const WEB_VITALS_MARK = "web_vitals"

/** A vital event `e` the report counts: a metric it reports, with a number for a value. */
export const VITAL_EVENT = Prisma.sql`e.name = 'web_vital' AND e.props ->> 'metric' = ANY(${[...VITAL_METRICS]}::text[]) AND jsonb_typeof(e.props -> 'value') = 'number'`

/** (metric, path, value) of a vital event `e`: metric as its 1-based position in VITAL_METRICS, a missing path as "/". */
export const VITAL_FIELDS = Prisma.sql`array_position(${[...VITAL_METRICS]}::text[], e.props ->> 'metric')::smallint AS metric, coalesce(e.path, '/') AS path, (e.props ->> 'value')::float8 AS value`
