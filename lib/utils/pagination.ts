// Pure helpers behind components/ui/pagination.tsx, and the page every paginated list returns.

/** One page of a list: its rows, how many there are in all, and where this page stands. */
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number; pageCount: number }

/** `items` as page `page` of `total` rows; an empty list still has one (empty) page. */
export function paged<T>(items: T[], total: number, { page, pageSize }: { page: number; pageSize: number }): Paged<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams

/** `basePath` with the current query kept and `param` set to `page`; page 1 drops the param. */
export function pageHref(
  basePath: string,
  searchParams: SearchParamsInput | undefined,
  page: number,
  param = "page",
): string {
  const query = new URLSearchParams()
  const entries =
    searchParams instanceof URLSearchParams ? [...searchParams.entries()] : Object.entries(searchParams ?? {})
  for (const [key, value] of entries) {
    if (key === param || value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item)
  }
  if (page > 1) query.set(param, String(page))
  const qs = query.toString()
  return qs ? `${basePath}?${qs}` : basePath
}

/**
 * The page numbers to show: first, last, and the current page with its neighbours; "gap" marks
 * skipped runs. A gap of exactly one page shows that page instead, since "…" would be no shorter.
 */
export function pageWindow(page: number, pageCount: number): Array<number | "gap"> {
  const wanted = [1, page - 1, page, page + 1, pageCount].filter((n) => n >= 1 && n <= pageCount)
  const sorted = [...new Set(wanted)].sort((a, b) => a - b)
  const result: Array<number | "gap"> = []
  for (const n of sorted) {
    const previous = result.at(-1)
    if (typeof previous === "number" && n - previous === 2) result.push(previous + 1)
    else if (typeof previous === "number" && n - previous > 2) result.push("gap")
    result.push(n)
  }
  return result
}

export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1
  return Math.min(Math.max(1, Math.trunc(page)), Math.max(1, pageCount))
}
