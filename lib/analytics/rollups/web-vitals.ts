import type { Tx } from "@/lib/analytics/model/watermarks"
import { VITAL_EVENT, VITAL_FIELDS } from "@/lib/analytics/model/web-vitals"

// analytics_web_vitals: every web_vital event (props { metric, value }) as a typed row, copied by
// the rollup batches ("web_vitals" watermark) so the web vitals report reads narrow columns from
// an index instead of pulling them out of each event's JSON (several times the cost of the
// percentiles themselves). Kept as long as raw events are: it is their copy, not a summary.

/** Copies the vitals received in (since, until] and not before the raw-deletion horizon. Returns the rows written. */
export function copyWebVitals(tx: Tx, since: string, until: string, horizon: string): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO analytics_web_vitals (event_id, at, metric, path, value)
    SELECT e.id, e.at, ${VITAL_FIELDS} FROM analytics_events e
    WHERE e.received_at > ${since}::timestamptz AND e.received_at <= ${until}::timestamptz AND e.at >= ${horizon}::timestamptz AND ${VITAL_EVENT}
    ON CONFLICT (event_id) DO NOTHING`
}
