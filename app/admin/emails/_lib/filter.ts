import { emailFilterSchema, type EmailFilter } from "@/lib/email/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

const KEYS = ["status", "template", "to", "page", "pageSize"] as const
type Key = (typeof KEYS)[number]
export type EmailQuery = Partial<Record<Key, string>>

/**
 * The page's URL → the query's filter. Empty fields are dropped, and a field that does not parse
 * is ignored rather than discarding the other filters. `query` is what the form and the
 * pagination links carry forward.
 */
export function parseEmailSearchParams(raw: RawSearchParams): { filter: EmailFilter; query: EmailQuery } {
  const query: EmailQuery = {}
  for (const key of KEYS) {
    const value = raw[key]
    const first = (Array.isArray(value) ? value[0] : value)?.trim()
    if (first) query[key] = first
  }
  let parsed = emailFilterSchema.safeParse(query)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete query[issue.path[0] as Key]
    parsed = emailFilterSchema.safeParse(query)
  }
  return { filter: parsed.success ? parsed.data : emailFilterSchema.parse({}), query }
}
