import type { ReactNode } from "react"
import { cn } from "@/lib/utils/cn"

type EmptyStateProps = {
  title: string
  description?: ReactNode
  /** Usually a ButtonLink to the next step. */
  action?: ReactNode
  icon?: ReactNode
  /** Heading level, to keep the page's outline in order. */
  as?: "h2" | "h3"
  className?: string
}

export function EmptyState({ title, description, action, icon, as: Heading = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-surface px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="mb-4 flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description ? <p className="mt-2 max-w-md text-sm text-slate-600">{description}</p> : null}
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  )
}
