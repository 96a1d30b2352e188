import { operationsQuerySchema, type OperationsQuery } from "@/lib/monitoring/operations/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

/** The page's URL → its query; a value that does not parse falls back to its default alone. */
export function parseOperationsSearchParams(raw: RawSearchParams): OperationsQuery {
  const first = (key: string) => {
    const value = raw[key]
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined
  }
  const defaults = operationsQuerySchema.parse({})
  const range = operationsQuerySchema.shape.range.safeParse(first("range"))
  const sort = operationsQuerySchema.shape.sort.safeParse(first("sort"))
  return { range: range.success ? range.data : defaults.range, sort: sort.success ? sort.data : defaults.sort }
}

/** A link to the dashboard with one setting changed; the section anchor keeps the reader's place. */
export function operationsHref(query: OperationsQuery, patch: Partial<OperationsQuery>, anchor?: string): string {
  const next = { ...query, ...patch }
  return `/admin/operations?range=${next.range}&sort=${next.sort}${anchor ? `#${anchor}` : ""}`
}
