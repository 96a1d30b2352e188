import { Skeleton } from "@/components/ui/skeleton"

/** Same footprint as PlanGrid, so the page does not jump when the plans arrive. */
export function PlanGridSkeleton({ count = 3 }: { count?: number }) {
  return (
    <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="rounded-2xl border border-slate-200 bg-surface p-6 shadow-sm">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="mt-3 h-4 w-full" />
          <Skeleton className="mt-6 h-10 w-28" />
          <div className="mt-6 space-y-3">
            <Skeleton className="h-4 w-5/6" />
            <Skeleton className="h-4 w-4/6" />
            <Skeleton className="h-4 w-3/4" />
          </div>
          <Skeleton className="mt-8 h-10 w-full rounded-lg" />
        </div>
      ))}
    </div>
  )
}
