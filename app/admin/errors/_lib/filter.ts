import { errorGroupFilterSchema, type ErrorGroupFilter } from "@/lib/monitoring/errors/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

const KEYS = ["status", "sort", "page", "pageSize"] as const
type Key = (typeof KEYS)[number]
export type ErrorGroupQuery = Partial<Record<Key, string>>

/**
 * The page's URL → the list's filter. Empty fields are dropped, and a field that does not parse is
 * ignored rather than discarding the others. `query` is what the form and pagination carry forward.
 */
export function parseErrorGroupSearchParams(raw: RawSearchParams): {
  filter: ErrorGroupFilter
  query: ErrorGroupQuery
} {
  const query: ErrorGroupQuery = {}
  for (const key of KEYS) {
    const value = raw[key]
    const first = (Array.isArray(value) ? value[0] : value)?.trim()
    if (first) query[key] = first
  }
  let parsed = errorGroupFilterSchema.safeParse(query)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete query[issue.path[0] as Key]
    parsed = errorGroupFilterSchema.safeParse(query)
  }
  return { filter: parsed.success ? parsed.data : errorGroupFilterSchema.parse({}), query }
}
