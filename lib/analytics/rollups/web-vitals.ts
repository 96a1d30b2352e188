import { Prisma } from "@/generated/prisma/client"
import { VITAL_METRICS } from "@/lib/analytics/product/web-vitals-math"
import type { Tx } from "./state"

// analytics_web_vitals: every web_vital event (props { metric, value }) as a typed row, copied by
// the rollup batches ("web_vitals" watermark) so the web vitals report reads narrow columns from
// an index instead of pulling them out of each event's JSON (several times the cost of the
// percentiles themselves). Kept as long as raw events are: it is their copy, not a summary.

/** The copy's watermark in analytics_rollup_state: every vital received up to it is copied. */
export const WEB_VITALS_MARK = "web_vitals"

/** A vital event `e` the report counts: a metric it reports, with a number for a value. */
export const VITAL_EVENT = Prisma.sql`e.name = 'web_vital' AND e.props ->> 'metric' = ANY(${[...VITAL_METRICS]}::text[]) AND jsonb_typeof(e.props -> 'value') = 'number'`

/** (metric, path, value) of a vital event `e`: metric as its 1-based position in VITAL_METRICS, a missing path as "/". */
export const VITAL_FIELDS = Prisma.sql`array_position(${[...VITAL_METRICS]}::text[], e.props ->> 'metric')::smallint AS metric, coalesce(e.path, '/') AS path, (e.props ->> 'value')::float8 AS value`

/** Copies the vitals received in (since, until] and not before the raw-deletion horizon. Returns the rows written. */
export function copyWebVitals(tx: Tx, since: string, until: string, horizon: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO analytics_web_vitals (event_id, at, metric, path, value)
    SELECT e.id, e.at, ${VITAL_FIELDS} FROM analytics_events e
    WHERE e.received_at > ${since}::timestamptz AND e.received_at <= ${until}::timestamptz AND e.at >= ${horizon}::timestamptz AND ${VITAL_EVENT}
    ON CONFLICT (event_id) DO NOTHING`
}
