import { deliveryFilterSchema, type DeliveryFilter } from "@/lib/billing/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

const KEYS = ["status", "type", "subscription", "page", "pageSize"] as const
type Key = (typeof KEYS)[number]
export type DeliveryQuery = Partial<Record<Key, string>>

/**
 * The page's URL → the list's filter. Empty fields are dropped, and a field that does not parse is
 * ignored rather than discarding the others. `query` is what the form and pagination carry forward.
 */
export function parseDeliverySearchParams(raw: RawSearchParams): { filter: DeliveryFilter; query: DeliveryQuery } {
  const query: DeliveryQuery = {}
  for (const key of KEYS) {
    const value = raw[key]
    const first = (Array.isArray(value) ? value[0] : value)?.trim()
    if (first) query[key] = first
  }
  let parsed = deliveryFilterSchema.safeParse(query)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete query[issue.path[0] as Key]
    parsed = deliveryFilterSchema.safeParse(query)
  }
  return { filter: parsed.success ? parsed.data : deliveryFilterSchema.parse({}), query }
}
