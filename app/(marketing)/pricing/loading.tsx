import { PlanGridSkeleton } from "@/components/marketing/plan-grid-skeleton"
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function PricingLoading() {
  return (
    <LoadingRegion label="Loading pricing…" className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <div className="flex flex-col items-center">
        <Skeleton className="h-10 w-48" />
        <Skeleton className="mt-4 h-5 w-full max-w-md" />
      </div>
      <div className="mt-12">
        <PlanGridSkeleton />
      </div>
      <Skeleton className="mt-16 h-64 w-full rounded-xl" />
    </LoadingRegion>
  )
}
