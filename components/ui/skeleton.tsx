import type { ComponentProps, ReactNode } from "react"
import { cn } from "@/lib/utils/cn"

/** A grey placeholder block; hidden from screen readers, which hear the LoadingRegion label instead. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} {...props} />
}

/** Wraps a loading skeleton so assistive tech announces that content is on its way. */
export function LoadingRegion({
  label = "Loading…",
  className,
  children,
}: {
  label?: string
  className?: string
  children: ReactNode
}) {
  return (
    <div role="status" aria-live="polite" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  )
}

/** A table's placeholder: `rows` bars in a bordered card. */
export function SkeletonRows({ rows, rowClassName = "h-8" }: { rows: number; rowClassName?: string }) {
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-surface p-4">
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} className={rowClassName} />
      ))}
    </div>
  )
}
