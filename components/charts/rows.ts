// Chart data is one row per instant with a column per series. Series keys are "s0", "s1", …
// rather than their names: recharts reads a dataKey with a dot as a path, and instance names and
// routes have dots and slashes.

export type ChartValue = number | null
export type ChartRow = { at: string; [key: string]: ChartValue | string }
export type ChartSeries = { key: string; label: string }

const iso = (at: Date | string) => (typeof at === "string" ? at : at.toISOString())

/** One series per named figure of each point: `fields` maps a label to how to read it. */
export function rowsOf<T>(
  points: readonly T[],
  at: (point: T) => Date | string,
  fields: readonly { label: string; value: (point: T) => ChartValue }[],
): { data: ChartRow[]; series: ChartSeries[] } {
  const series = fields.map((field, i) => ({ key: `s${i}`, label: field.label }))
  const data = points.map((point) => {
    const row: ChartRow = { at: iso(at(point)) }
    fields.forEach((field, i) => (row[`s${i}`] = field.value(point)))
    return row
  })
  return { data, series }
}

/**
 * Long rows (one per instant and group, e.g. per instance) into one row per instant with a column
 * per group, groups in the order given (else first seen), instants in time order. A group with
 * no row at an instant is null there: a gap, not a zero.
 */
export function pivotByGroup<T>(
  rows: readonly T[],
  options: {
    at: (row: T) => Date | string
    group: (row: T) => string
    value: (row: T) => ChartValue
    groups?: readonly string[]
  },
): { data: ChartRow[]; series: ChartSeries[] } {
  const groups = [...(options.groups ?? [])]
  for (const row of rows) if (!groups.includes(options.group(row))) groups.push(options.group(row))
  const keyOf = new Map(groups.map((group, i) => [group, `s${i}`]))
  const byInstant = new Map<string, ChartRow>()
  for (const row of rows) {
    const at = iso(options.at(row))
    let target = byInstant.get(at)
    if (!target) {
      target = { at, ...Object.fromEntries(groups.map((_, i) => [`s${i}`, null])) }
      byInstant.set(at, target)
    }
    target[keyOf.get(options.group(row))!] = options.value(row)
  }
  const data = [...byInstant.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return { data, series: groups.map((group, i) => ({ key: `s${i}`, label: group })) }
}

/** True when no series has a value anywhere (all null), or, with `zeroIsEmpty`, none above 0. */
export function isEmptySeries(data: readonly ChartRow[], series: readonly ChartSeries[], zeroIsEmpty = false): boolean {
  return !data.some((row) =>
    series.some((s) => {
      const value = row[s.key]
      return typeof value === "number" && !Number.isNaN(value) && (!zeroIsEmpty || value !== 0)
    }),
  )
}
