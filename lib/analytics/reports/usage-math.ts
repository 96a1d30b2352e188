// Feature-usage arithmetic, no I/O: shares, averages and the comparison with the previous period.
// Every report of this folder compares through `compare`, so "up 20 %" means the same everywhere.

/** A figure beside the same figure of the previous period. */
export type Compared = {
  current: number | null
  previous: number | null
  change: number | null
  relativeChange: number | null
}

/**
 * change = current − previous; relativeChange = change / previous, null when either is unknown or
 * the previous is 0 (growth from nothing has no percentage).
 */
export function compare(current: number | null, previous: number | null): Compared {
  if (current === null || previous === null) return { current, previous, change: null, relativeChange: null }
  const change = current - previous
  return { current, previous, change, relativeChange: previous === 0 ? null : change / previous }
}

/** part / whole, null when the whole is 0 (a share of nothing is unknown, not 0 %). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

/** Average daily actives: visitor-days over the days of the period (days with no one count as 0). */
export function averageDaily(visitorDays: number, days: number): number | null {
  return days > 0 ? visitorDays / days : null
}

/**
 * Stickiness: the average daily actives of a 30-day window over the distinct actives of the same
 * window (DAU / MAU). 1 means everyone comes every day; 1/30 means everyone comes once.
 */
export function stickiness(averageDailyActives: number | null, monthlyActives: number): number | null {
  return averageDailyActives === null ? null : share(averageDailyActives, monthlyActives)
}
