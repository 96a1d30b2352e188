import { orderListFilterSchema, type OrderListFilter } from "@/lib/orders/schemas"

type RawSearchParams = Record<string, string | string[] | undefined>

/** The queue's tabs, each a fixed filter. */
export const ORDER_VIEWS = [
  { id: "open", label: "Open", filter: { status: "open" } },
  { id: "overdue", label: "Overdue", filter: { overdue: "true" } },
  { id: "mine", label: "Mine", filter: { status: "open", assignee: "me" } },
  { id: "unassigned", label: "Unassigned", filter: { status: "open", assignee: "unassigned" } },
  { id: "release", label: "Release due", filter: { release: "due" } },
  { id: "fulfilled", label: "Fulfilled", filter: { status: "FULFILLED" } },
  { id: "all", label: "All", filter: {} },
] as const satisfies readonly { id: string; label: string; filter: Partial<OrderListFilter> }[]

export type OrderViewId = (typeof ORDER_VIEWS)[number]["id"]
export type OrderQuery = { view?: OrderViewId; q?: string; page?: string }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined

/**
 * The page's URL → the queue's filter: `view` picks a tab (default Open), `q` searches customer
 * emails, `page` pages. Anything that does not parse is dropped. `query` is what links carry forward.
 */
export function parseOrderSearchParams(raw: RawSearchParams): {
  view: OrderViewId
  filter: OrderListFilter
  query: OrderQuery
} {
  const view = ORDER_VIEWS.find((candidate) => candidate.id === first(raw.view)) ?? ORDER_VIEWS[0]
  const query: OrderQuery = {}
  if (view.id !== "open") query.view = view.id
  const q = first(raw.q)
  if (q && q.length <= 200) query.q = q
  const page = Number(first(raw.page))
  if (Number.isInteger(page) && page > 1 && page <= 100_000) query.page = String(page)
  const filter = orderListFilterSchema.parse({ ...view.filter, customer: query.q, page: query.page })
  return { view: view.id, filter, query }
}
