import { countFailedDeliveries } from "@/lib/billing/webhooks/queries"
import { deliveryProblemCounts, type DeliveryProblems } from "@/lib/email/queries"
import { ordersNearDeadline, type DeadlineWatch } from "@/lib/orders/queries"
import {
  recentSecurityEvents,
  securityEventCounts,
  securityEventSeries,
  type SecurityCounts,
  type SecurityEventItem,
  type SecurityPoint,
} from "@/lib/security/queries"
import { listErrorGroups, type ErrorGroupListItem } from "../errors/queries"
import type { TimeRange } from "../uptime/figures"

// The operations dashboard's sections fed by other domains: error groups, business health and
// security events. Each figure comes from its domain's own query function.

const HOUR_MS = 3_600_000

export type ErrorsSection = {
  /** Open groups in all, whenever last seen. */
  openTotal: number
  /** Open groups last seen in the range. */
  seenInRange: number
  /** The most recently seen open groups, regressions first. */
  groups: ErrorGroupListItem[]
}

export async function loadErrors(range: TimeRange): Promise<ErrorsSection> {
  const page = await listErrorGroups({ status: "OPEN", sort: "last_seen", page: 1, pageSize: 20 })
  const groups = [...page.items].sort(
    (a, b) =>
      Number(b.regressedAt !== null) - Number(a.regressedAt !== null) ||
      b.lastSeenAt.getTime() - a.lastSeenAt.getTime(),
  )
  return { openTotal: page.total, seenInRange: groups.filter((group) => group.lastSeenAt >= range.from).length, groups }
}

export type BusinessSection = {
  failedWebhooks: { lastHour: number; inRange: number }
  email: DeliveryProblems
  deadlines: DeadlineWatch
}

export async function loadBusiness(range: TimeRange): Promise<BusinessSection> {
  const [lastHour, inRange, email, deadlines] = await Promise.all([
    countFailedDeliveries({ from: new Date(range.to.getTime() - HOUR_MS), to: range.to }),
    countFailedDeliveries(range),
    deliveryProblemCounts(range),
    ordersNearDeadline(range.to, { limit: 10 }),
  ])
  return { failedWebhooks: { lastHour, inRange }, email, deadlines }
}

export type SecuritySection = {
  counts: SecurityCounts
  stepSeconds: number
  points: SecurityPoint[]
  recent: SecurityEventItem[]
}

export async function loadSecurity(range: TimeRange): Promise<SecuritySection> {
  const [counts, series, recent] = await Promise.all([
    securityEventCounts(range),
    securityEventSeries(range, 60),
    recentSecurityEvents(range, 10),
  ])
  return { counts, stepSeconds: series.stepSeconds, points: series.points, recent }
}
