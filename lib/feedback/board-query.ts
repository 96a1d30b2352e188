import { boardQuerySchema, type BoardQuery } from "./schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

/** A page's URL → the board query; a field that does not parse falls back to its default instead of failing the page. */
export function parseBoardSearchParams(raw: RawSearchParams, pageSize: number): BoardQuery {
  const first = (key: string) => {
    const value = raw[key]
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined
  }
  const query: BoardQuery = boardQuerySchema.parse({ pageSize })
  for (const key of ["sort", "status", "page"] as const) {
    const parsed = boardQuerySchema.shape[key].safeParse(first(key))
    if (parsed.success) Object.assign(query, { [key]: parsed.data })
  }
  return query
}

/** The query string a pagination link keeps: only non-default values. */
export function boardSearchParams(query: BoardQuery): Record<string, string> {
  const params: Record<string, string> = {}
  if (query.sort !== "top") params.sort = query.sort
  if (query.status !== "all") params.status = query.status
  return params
}
