import type { PrismaClient } from "@/generated/prisma/client"
import { RAW_DELETED_BEFORE } from "@/lib/analytics/model/watermarks"
import { db } from "@/lib/db"

/**
 * Forgets every rollup's watermark (the raw-deletion horizon stays): the next run recomputes every
 * unit the raw events cover. For bulk loads whose received_at lies behind the watermarks (the demo seed).
 */
export async function resetRollupWatermarks(client: PrismaClient = db): Promise<void> {
  await client.$executeRaw`DELETE FROM analytics_rollup_state WHERE name <> ${RAW_DELETED_BEFORE}`
}

/** Empties every rollup table and the state, in one transaction (the demo seed's reset, tests). */
export async function deleteRollups(client: PrismaClient = db): Promise<void> {
  await client.$transaction([
    client.$executeRaw`DELETE FROM analytics_hourly`,
    client.$executeRaw`DELETE FROM analytics_daily`,
    client.$executeRaw`DELETE FROM analytics_visitor_days`,
    client.$executeRaw`DELETE FROM analytics_daily_actives`,
    client.$executeRaw`DELETE FROM analytics_active_days`,
    client.$executeRaw`DELETE FROM analytics_sessions`,
    client.$executeRaw`DELETE FROM analytics_web_vitals`,
    client.$executeRaw`DELETE FROM analytics_session_groups`,
    client.$executeRaw`DELETE FROM analytics_session_durations`,
    client.$executeRaw`DELETE FROM analytics_first_seen_cells`,
    client.$executeRaw`DELETE FROM analytics_person_periods`,
    client.$executeRaw`DELETE FROM analytics_person_visitors`,
    client.$executeRaw`DELETE FROM analytics_funnel_entries`,
    client.$executeRaw`DELETE FROM analytics_funnel_cells`,
    client.$executeRaw`DELETE FROM analytics_funnel_month_cells`,
    client.$executeRaw`DELETE FROM analytics_funnel_rollups`,
    client.$executeRaw`DELETE FROM analytics_rollup_state`,
  ])
}
