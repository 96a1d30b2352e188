import type { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"
import { bucketSeconds, bucketStart } from "@/lib/monitoring/series"
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "./events"

// Reads of security_events for the operations dashboard. The address hash never leaves.

type Range = { from: Date; to: Date }

export type SecurityCounts = Record<SecurityEventKind, number>

export type SecurityPoint = { at: Date; counts: SecurityCounts }

export type SecurityEventItem = { id: string; kind: string; detail: Prisma.JsonValue; createdAt: Date }

function zeroCounts(): SecurityCounts {
  return Object.fromEntries(SECURITY_EVENT_KINDS.map((kind) => [kind, 0])) as SecurityCounts
}

const isKnown = (kind: string): kind is SecurityEventKind => (SECURITY_EVENT_KINDS as readonly string[]).includes(kind)

/** Events per kind created in [from, to); every known kind is present, 0 when none. */
export async function securityEventCounts(range: Range): Promise<SecurityCounts> {
  const rows = await db.securityEvent.groupBy({
    by: ["kind"],
    where: { createdAt: { gte: range.from, lt: range.to } },
    _count: { _all: true },
  })
  const counts = zeroCounts()
  for (const row of rows) if (isKnown(row.kind)) counts[row.kind] = row._count._all
  return counts
}

/** Events per kind in epoch-aligned buckets covering [from, to) (at most `maxPoints`), empty buckets included. */
export async function securityEventSeries(
  range: Range,
  maxPoints = 60,
): Promise<{ stepSeconds: number; points: SecurityPoint[] }> {
  const width = bucketSeconds(range.from, range.to, maxPoints, 60)
  const rows = await db.$queryRaw<{ kind: string; at: Date; count: number }[]>`
    SELECT kind, to_timestamp(floor(extract(epoch FROM created_at) / ${width}) * ${width}) AS at, count(*)::int AS count
      FROM security_events
     WHERE created_at >= ${range.from} AND created_at < ${range.to}
     GROUP BY 1, 2`
  const points = new Map<number, SecurityPoint>()
  for (let at = bucketStart(range.from, width).getTime(); at < range.to.getTime(); at += width * 1000)
    points.set(at, { at: new Date(at), counts: zeroCounts() })
  for (const row of rows) {
    const point = points.get(row.at.getTime())
    if (point && isKnown(row.kind)) point.counts[row.kind] += row.count
  }
  return { stepSeconds: width, points: [...points.values()] }
}

/** The newest events in [from, to), newest first. */
export async function recentSecurityEvents(range: Range, limit = 20): Promise<SecurityEventItem[]> {
  return db.securityEvent.findMany({
    where: { createdAt: { gte: range.from, lt: range.to } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(limit, 200),
    select: { id: true, kind: true, detail: true, createdAt: true },
  })
}
