import { addDays } from "date-fns"
import { auditFilterSchema, type AuditFilter } from "@/lib/audit/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

const KEYS = ["action", "actor", "from", "to", "page", "pageSize"] as const
type Key = (typeof KEYS)[number]
export type AuditQuery = Partial<Record<Key, string>>

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The audit page's URL → the query's filter. Empty fields (an "All" select, a cleared input) are
 * dropped, and a field that does not parse is ignored rather than discarding the other filters.
 * `query` is what the form and the pagination links carry forward.
 */
export function parseAuditSearchParams(raw: RawSearchParams): { filter: AuditFilter; query: AuditQuery } {
  const query: AuditQuery = {}
  for (const key of KEYS) {
    const value = raw[key]
    const first = (Array.isArray(value) ? value[0] : value)?.trim()
    if (first) query[key] = first
  }
  let parsed = auditFilterSchema.safeParse(query)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete query[issue.path[0] as Key]
    parsed = auditFilterSchema.safeParse(query)
  }
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({})
  // A date picked as "to" means "up to and including that day"; the query's bound is exclusive.
  if (filter.to && query.to && DATE_ONLY.test(query.to)) filter.to = addDays(filter.to, 1)
  return { filter, query }
}
