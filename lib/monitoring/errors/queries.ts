import "server-only"
import { Prisma } from "@/generated/prisma/client"
import type { ErrorGroupStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { type Paged, paged } from "@/lib/utils/pagination"
import type { ErrorGroupFilter } from "./schemas"

export type ErrorGroupListItem = {
  id: string
  source: string
  name: string
  message: string
  topFrame: string | null
  route: string | null
  release: string | null
  count: number
  firstSeenAt: Date
  lastSeenAt: Date
  status: ErrorGroupStatus
  regressedAt: Date | null
  resolvedAt: Date | null
  /** Distinct signed-in users among the kept occurrences. */
  affectedUsers: number
}

export type ErrorGroupPage = Paged<ErrorGroupListItem>

export type TrendPoint = { at: Date; count: number }

export type ErrorOccurrenceItem = { at: Date; userId: string | null; route: string | null; release: string | null }

export type ErrorGroupDetail = ErrorGroupListItem & {
  fingerprint: string
  sampleStack: string | null
  /** Occurrences per hour over the last 24 hours and per day over the last 30, oldest first (UTC). */
  hourly: TrendPoint[]
  daily: TrendPoint[]
  recent: ErrorOccurrenceItem[]
}

const listSelect = {
  id: true,
  source: true,
  name: true,
  message: true,
  topFrame: true,
  route: true,
  release: true,
  count: true,
  firstSeenAt: true,
  lastSeenAt: true,
  status: true,
  regressedAt: true,
  resolvedAt: true,
} as const

/** Error groups, most recently seen (or most frequent) first. */
export async function listErrorGroups(filter: ErrorGroupFilter): Promise<ErrorGroupPage> {
  const where: Prisma.ErrorGroupWhereInput = { status: filter.status }
  const orderBy: Prisma.ErrorGroupOrderByWithRelationInput[] =
    filter.sort === "count"
      ? [{ count: "desc" }, { lastSeenAt: "desc" }, { id: "asc" }]
      : [{ lastSeenAt: "desc" }, { id: "asc" }]
  const [total, groups] = await db.$transaction([
    db.errorGroup.count({ where }),
    db.errorGroup.findMany({
      where,
      orderBy,
      skip: (filter.page - 1) * filter.pageSize,
      take: filter.pageSize,
      select: listSelect,
    }),
  ])
  const affected = await affectedUsers(groups.map((group) => group.id))
  return paged(
    groups.map((group) => ({ ...group, affectedUsers: affected.get(group.id) ?? 0 })),
    total,
    filter,
  )
}

/** One group with its trend, affected users and latest occurrences; null when unknown. */
export async function getErrorGroup(id: string, now = new Date()): Promise<ErrorGroupDetail | null> {
  const group = await db.errorGroup.findUnique({
    where: { id },
    select: { ...listSelect, fingerprint: true, sampleStack: true },
  })
  if (!group) return null
  const [affected, hourly, daily, recent] = await Promise.all([
    affectedUsers([id]),
    trend(id, now, "hour", 24),
    trend(id, now, "day", 30),
    db.errorOccurrence.findMany({
      where: { groupId: id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 20,
      select: { at: true, userId: true, route: true, release: true },
    }),
  ])
  return { ...group, affectedUsers: affected.get(id) ?? 0, hourly, daily, recent }
}

export async function getErrorGroupOrThrow(id: string, now = new Date()): Promise<ErrorGroupDetail> {
  const group = await getErrorGroup(id, now)
  if (!group) throw new AppError("not_found", "no such error group")
  return group
}

async function affectedUsers(groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map()
  const rows = await db.$queryRaw<Array<{ group_id: string; users: number }>>`
    SELECT group_id, COUNT(DISTINCT user_id)::int AS users
    FROM error_occurrences
    WHERE group_id IN (${Prisma.join(groupIds)}) AND user_id IS NOT NULL
    GROUP BY group_id`
  return new Map(rows.map((row) => [row.group_id, row.users]))
}

/** Occurrences per UTC hour or day for the last `buckets` of them, the current one included; empty ones are 0. */
async function trend(groupId: string, now: Date, unit: "hour" | "day", buckets: number): Promise<TrendPoint[]> {
  const step = unit === "hour" ? Prisma.sql`interval '1 hour'` : Prisma.sql`interval '1 day'`
  const rows = await db.$queryRaw<Array<{ at: Date; count: number }>>`
    WITH series AS (
      SELECT generate_series(date_trunc(${unit}, ${now}::timestamptz, 'UTC') - (${buckets - 1}::float8 * ${step}), date_trunc(${unit}, ${now}::timestamptz, 'UTC'), ${step}) AS at
    )
    SELECT series.at, COUNT(o.id)::int AS count
    FROM series
    LEFT JOIN error_occurrences o ON o.group_id = ${groupId} AND o.at >= series.at AND o.at < series.at + ${step}
    GROUP BY series.at
    ORDER BY series.at`
  return rows
}
