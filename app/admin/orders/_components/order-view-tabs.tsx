import Link from "next/link"
import { cn } from "@/lib/utils/cn"
import { ORDER_VIEWS, type OrderQuery, type OrderViewId } from "../_lib/filter"

/** Links, not buttons: each tab is a bookmarkable URL. The customer search is kept across tabs. */
export function OrderViewTabs({ current, query }: { current: OrderViewId; query: OrderQuery }) {
  return (
    <nav aria-label="Order views">
      <ul className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 pb-px">
        {ORDER_VIEWS.map((view) => {
          const params = new URLSearchParams()
          if (view.id !== "open") params.set("view", view.id)
          if (query.q) params.set("q", query.q)
          const href = params.size ? `/admin/orders?${params}` : "/admin/orders"
          const active = view.id === current
          return (
            <li key={view.id} className="shrink-0">
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                data-testid={`orders-view-${view.id}`}
                className={cn(
                  "-mb-px block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {view.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
