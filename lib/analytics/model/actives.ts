import { Prisma } from "@/generated/prisma/client"

// Who counts as active, as feature usage counts people (DAU, WAU, MAU): the rollups store it
// (analytics_daily_actives, analytics_active_days: lib/analytics/rollups/active-days.ts) and the
// usage report counts the raw tail the same way (lib/analytics/reports/usage.ts).

/**
 * The person of a visitor-day row `v` (callers leave out visitor ids "u:…"). In the column's own
 * collation, so that looking a person up can use the (person, day) key.
 */
export const ACTIVE_PERSON = Prisma.sql`coalesce('u:' || v.user_id, v.visitor_id)`

/**
 * Actives of one day's visitor-day rows (visitor ids "u:<id>" left out by the caller): each visitor
 * id without a user, plus each user once. User ids compare bytewise (only equality matters).
 */
export const DAILY_ACTIVES = Prisma.sql`((count(*) FILTER (WHERE user_id IS NULL)) + count(DISTINCT user_id COLLATE "C"))::int`
