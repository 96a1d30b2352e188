import { PlanGridSkeleton } from "@/components/marketing/plan-grid-skeleton"
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function LandingLoading() {
  return (
    <LoadingRegion className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
      <div className="flex flex-col items-center">
        <Skeleton className="h-7 w-56 rounded-full" />
        <Skeleton className="mt-6 h-12 w-full max-w-2xl" />
        <Skeleton className="mt-6 h-5 w-full max-w-xl" />
        <Skeleton className="mt-10 h-12 w-40 rounded-lg" />
      </div>
      <div className="mt-20">
        <PlanGridSkeleton />
      </div>
    </LoadingRegion>
  )
}
