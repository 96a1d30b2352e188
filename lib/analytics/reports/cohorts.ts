import { identityLinks, personOf } from "@/lib/analytics/model/identity"
import { dayOf, shiftDay } from "@/lib/utils/time-range"

// Retention cohorts. Days are calendar days of the reporting zone (YYYY-MM-DD): weeks start on
// Monday, months on the 1st. A cohort is everyone whose first day (first seen, or signed up) falls
// in one period; the share of them active in each later period is the retention. The cohorts are
// the periods overlapping the report's range, whole (a range starting on a Wednesday still shows
// that week's Monday and Tuesday people). A cell exists once its period has begun; the period
// holding today is still running, so its share can only grow.

export const COHORT_PERIODS = ["week", "month"] as const
export type CohortPeriod = (typeof COHORT_PERIODS)[number]
export const COHORT_BASES = ["first_seen", "signup"] as const
export type CohortBasis = (typeof COHORT_BASES)[number]

/** The first day of the period holding `day`. */
export function periodStart(day: string, period: CohortPeriod): string {
  if (period === "month") return `${day.slice(0, 7)}-01`
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return shiftDay(day, -((weekday + 6) % 7))
}

/** The start of the period `count` periods after the one starting on `start`. */
export function shiftPeriod(start: string, period: CohortPeriod, count: number): string {
  if (period === "week") return shiftDay(start, 7 * count)
  const [year, month] = start.split("-").map(Number) as [number, number]
  const index = year * 12 + (month - 1) + count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`
}

/** Whole periods from the one starting on `from` to the one starting on `to`. */
export function periodsBetween(from: string, to: string, period: CohortPeriod): number {
  if (period === "week")
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000))
  const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7))
  return months(to) - months(from)
}

/** The starts of the periods overlapping [firstDay, lastDay], oldest first. */
export function cohortStarts(firstDay: string, lastDay: string, period: CohortPeriod): string[] {
  const starts: string[] = []
  for (let start = periodStart(firstDay, period); start <= lastDay; start = shiftPeriod(start, period, 1))
    starts.push(start)
  return starts
}

/** People per cohort, and distinct people of each cohort active in each period (start days). */
export type CohortCounts = {
  sizes: { cohort: string; people: number }[]
  activity: { cohort: string; period: string; people: number }[]
}

/** One person: the day they joined (first seen or signed up) and the days they were active. */
export type CohortPerson = { joined: string; activeDays: readonly string[] }

/**
 * The reference count: cohorts of the people who joined within the given cohorts' periods; only
 * activity on or after the day they joined counts. The database computes the same (cohorts-queries.ts).
 */
export function countCohorts(
  people: readonly CohortPerson[],
  starts: readonly string[],
  period: CohortPeriod,
): CohortCounts {
  const sizes = new Map<string, number>()
  const activity = new Map<string, Set<number>>()
  people.forEach((person, index) => {
    const cohort = periodStart(person.joined, period)
    if (!starts.includes(cohort)) return
    sizes.set(cohort, (sizes.get(cohort) ?? 0) + 1)
    for (const day of person.activeDays) {
      if (day < person.joined) continue
      const key = `${cohort}|${periodStart(day, period)}`
      const seen = activity.get(key) ?? activity.set(key, new Set()).get(key)!
      seen.add(index)
    }
  })
  return {
    sizes: [...sizes].map(([cohort, count]) => ({ cohort, people: count })),
    activity: [...activity].map(([key, seen]) => {
      const [cohort, start] = key.split("|") as [string, string]
      return { cohort, period: start, people: seen.size }
    }),
  }
}

/** A visitor day as analytics_visitor_days stores it. */
export type VisitorDay = { day: string; visitorId: string; userId: string | null; consented: boolean }

/**
 * People by first seen, from visitor days: only consented visitors and signed-in users are known
 * across days (an anonymous id lasts one day), so only their days count. A visitor becomes its
 * user once any of its days carries a user id (lib/analytics/model/identity.ts), and a person joins on their first day.
 */
export function firstSeenPeople(days: readonly VisitorDay[]): CohortPerson[] {
  const known = days.filter((row) => row.consented || row.userId !== null)
  const links = identityLinks(
    known.map((row) => ({ visitorId: row.visitorId, userId: row.userId, at: Date.parse(`${row.day}T00:00:00Z`) })),
  )
  const byPerson = new Map<string, string[]>()
  for (const row of known) {
    const person = personOf(row, links)
    const list = byPerson.get(person) ?? byPerson.set(person, []).get(person)!
    list.push(row.day)
  }
  return [...byPerson.values()].map((activeDays) => ({
    joined: activeDays.reduce((a, b) => (a < b ? a : b)),
    activeDays,
  }))
}

/**
 * People by sign-up: each user joins on the local day of their account's creation; their activity
 * is the visitor days that carry their user id (signed in, or their server-side events).
 */
export function signupPeople(
  users: readonly { id: string; createdAt: Date }[],
  days: readonly Pick<VisitorDay, "day" | "userId">[],
  timeZone: string,
): CohortPerson[] {
  const activeDays = new Map<string, string[]>()
  for (const row of days)
    if (row.userId) (activeDays.get(row.userId) ?? activeDays.set(row.userId, []).get(row.userId)!).push(row.day)
  return users.map((user) => ({ joined: dayOf(user.createdAt, timeZone), activeDays: activeDays.get(user.id) ?? [] }))
}

export type RetentionCell = {
  /** 0 is the cohort's own period. */
  index: number
  start: string
  active: number
  /** active ÷ cohort size; null for an empty cohort. */
  share: number | null
  /** False while the period is still running (it holds today). */
  complete: boolean
}
export type RetentionRow = { cohort: string; size: number; cells: RetentionCell[] }
export type RetentionTable = {
  period: CohortPeriod
  rows: RetentionRow[]
  /** Per period index, over the cohorts whose cell is complete: Σ active ÷ Σ size. */
  average: { index: number; share: number | null; cohorts: number }[]
}

/** The heat map: one row per cohort, a cell per period from the cohort's own to the one holding today. */
export function retentionTable(
  counts: CohortCounts,
  starts: readonly string[],
  period: CohortPeriod,
  today: string,
): RetentionTable {
  const size = new Map(counts.sizes.map((entry) => [entry.cohort, entry.people]))
  const active = new Map(counts.activity.map((entry) => [`${entry.cohort}|${entry.period}`, entry.people]))
  const current = periodStart(today, period)
  const rows = starts.map((cohort) => {
    const people = size.get(cohort) ?? 0
    const cells: RetentionCell[] = []
    for (let index = 0; ; index++) {
      const start = shiftPeriod(cohort, period, index)
      if (start > current) break
      const count = active.get(`${cohort}|${start}`) ?? 0
      cells.push({
        index,
        start,
        active: count,
        share: people === 0 ? null : count / people,
        complete: start < current,
      })
    }
    return { cohort, size: people, cells }
  })
  const longest = Math.max(0, ...rows.map((row) => row.cells.length))
  const average = Array.from({ length: longest }, (_, index) => {
    const complete = rows.filter((row) => row.size > 0 && row.cells[index]?.complete)
    const people = complete.reduce((sum, row) => sum + row.size, 0)
    const activeSum = complete.reduce((sum, row) => sum + row.cells[index]!.active, 0)
    return { index, share: people === 0 ? null : activeSum / people, cohorts: complete.length }
  })
  return { period, rows, average }
}
