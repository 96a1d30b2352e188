import Link from "next/link"
import { RANGE_PRESETS, type RangePreset } from "@/lib/monitoring/time-range"
import type { OperationsQuery } from "@/lib/monitoring/operations/schemas"
import { cn } from "@/lib/utils/cn"
import { operationsHref } from "../_lib/query"

const LABELS: Record<RangePreset, string> = { "1h": "1 hour", "6h": "6 hours", "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" }

/** Links, not a form: each range is a URL to share, and it works before the page's script loads. */
export function RangePicker({ query }: { query: OperationsQuery }) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-surface p-1 shadow-sm">
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => {
          const current = preset === query.range
          return (
            <li key={preset}>
              <Link
                href={operationsHref(query, { range: preset })}
                aria-current={current ? "page" : undefined}
                aria-label={`Last ${LABELS[preset]}`}
                className={cn("block rounded-md px-3 py-1.5 text-sm font-medium tabular-nums", current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100")}
                data-testid={`range-${preset}`}
              >
                {preset}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
