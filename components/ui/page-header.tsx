import type { ReactNode } from "react"
import { cn } from "@/lib/utils/cn"

type PageHeaderProps = {
  title: string
  description?: ReactNode
  /** Buttons on the right on desktop, below the title on phones. */
  actions?: ReactNode
  className?: string
}

/** The page's one h1. */
export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <div className={cn("flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between", className)}>
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600 sm:text-base">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  )
}
