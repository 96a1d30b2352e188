import type { ReactNode } from "react"
import { StatCard } from "@/components/ui/stat-card"
import { type FigureFormat, formatChange, formatFigure } from "@/lib/analytics/reports/usage-format"
import type { Compared } from "@/lib/analytics/reports/usage-math"
import { formatIsoDay } from "@/lib/format/dates"

// Pieces shared by the usage, traffic, geography and web-vitals sections of /admin/product.

type ReportSectionProps = { id: string; title: string; description: ReactNode; failed: boolean; children: ReactNode }

/** A titled section; when its data failed to load it says so and the rest of the page still shows. */
export function ReportSection({ id, title, description, failed, children }: ReportSectionProps) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="flex scroll-mt-6 flex-col gap-4"
      data-testid={`product-${id}`}
    >
      <div>
        <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      {failed ? (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          This section could not be loaded. The rest of the dashboard is unaffected; reload to try again.
        </div>
      ) : (
        children
      )}
    </section>
  )
}

/** A figure of the period with its change from the period before, in words. */
export function ComparedStat({
  label,
  compared,
  format,
  hint,
  testId,
}: {
  label: string
  compared: Compared
  format: FigureFormat
  hint?: string
  testId?: string
}) {
  const change = formatChange(compared, format)
  return (
    <StatCard
      label={label}
      value={formatFigure(compared.current, format)}
      hint={hint ? `${change} · ${hint}` : change}
      data-testid={testId}
    />
  )
}

/** A horizontal bar for a share of the largest value; decorative, the number beside it says the same. */
export function ValueBar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0
  return (
    <span aria-hidden="true" className="block h-1.5 w-full min-w-16 overflow-hidden rounded-full bg-slate-100">
      <span className="block h-full rounded-full bg-brand-500" style={{ width: `${width}%` }} />
    </span>
  )
}

/** Said when a figure needs per-event data older than the raw events still kept. */
export function RawHorizonNote({
  keptFrom,
  rangeFrom,
  what,
}: {
  keptFrom: Date | null
  rangeFrom: Date
  what: string
}) {
  if (!keptFrom || keptFrom <= rangeFrom) return null
  return (
    <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      Raw events are kept from {formatIsoDay(keptFrom)} on: {what} count only from then.
    </p>
  )
}
