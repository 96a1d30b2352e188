import type { ReactNode } from "react"
import { EmptyState } from "@/components/ui/empty-state"

type DetailSectionProps = {
  id: string
  title: string
  /** Rows shown; zero shows `empty` instead of the children. */
  count: number
  /** When the list stops at a limit, say so rather than let a total look complete. */
  limit?: number
  empty: string
  action?: ReactNode
  children: ReactNode
}

/** One titled part of the customer page (an h2), with its own empty state. */
export function DetailSection({ id, title, count, limit, empty, action, children }: DetailSectionProps) {
  const headingId = `${id}-heading`
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}{" "}
          <span className="text-sm font-normal text-slate-600">
            ({limit !== undefined && count >= limit ? `latest ${limit}` : count})
          </span>
        </h2>
        {action}
      </div>
      {count === 0 ? <EmptyState as="h3" title={empty} className="py-8" /> : children}
    </section>
  )
}
