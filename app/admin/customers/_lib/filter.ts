import { customerListSchema, type CustomerListFilter } from "@/lib/customers/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

const KEYS = ["q", "email", "status", "page", "pageSize"] as const
type Key = (typeof KEYS)[number]
export type CustomerQuery = Partial<Record<Key, string>>

/**
 * The customers page's URL → the list's filter. Empty fields are dropped, and a field that does not
 * parse is ignored rather than discarding the others. `query` is what the form and pagination keep.
 */
export function parseCustomerSearchParams(raw: RawSearchParams): { filter: CustomerListFilter; query: CustomerQuery } {
  const query: CustomerQuery = {}
  for (const key of KEYS) {
    const value = raw[key]
    const first = (Array.isArray(value) ? value[0] : value)?.trim()
    if (first) query[key] = first
  }
  let parsed = customerListSchema.safeParse(query)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete query[issue.path[0] as Key]
    parsed = customerListSchema.safeParse(query)
  }
  return { filter: parsed.success ? parsed.data : customerListSchema.parse({}), query }
}
