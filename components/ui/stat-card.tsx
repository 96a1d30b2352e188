import type { ReactNode } from "react"
import { cn } from "@/lib/utils/cn"

type StatCardProps = {
  label: string
  value: ReactNode
  hint?: ReactNode
  /** "danger" marks a figure that needs someone to act (e.g. overdue orders). */
  tone?: "default" | "danger"
  className?: string
  "data-testid"?: string
}

// A <dl> pair so the label and figure are read together; the colour is never the only signal,
// the hint text says why a figure is highlighted.
export function StatCard({ label, value, hint, tone = "default", className, ...rest }: StatCardProps) {
  const danger = tone === "danger"
  return (
    <div
      data-testid={rest["data-testid"]}
      data-tone={tone}
      className={cn(
        "rounded-xl border bg-surface p-5 shadow-sm",
        danger ? "border-red-200 bg-red-50" : "border-slate-200",
        className,
      )}
    >
      <dl>
        <dt className={cn("text-sm font-medium", danger ? "text-red-800" : "text-slate-600")}>{label}</dt>
        <dd className={cn("mt-2 text-3xl font-semibold tabular-nums", danger ? "text-red-700" : "text-slate-900")}>
          {value}
        </dd>
        {hint ? <dd className={cn("mt-1 text-sm", danger ? "text-red-800" : "text-slate-600")}>{hint}</dd> : null}
      </dl>
    </div>
  )
}
