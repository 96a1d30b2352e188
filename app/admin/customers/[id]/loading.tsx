import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function CustomerLoading() {
  return (
    <LoadingRegion label="Loading the customer…" className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-9 w-80 max-w-full" />
        <Skeleton className="h-4 w-48" />
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-32 rounded-xl" />
          ))}
        </div>
      </div>
      {Array.from({ length: 3 }, (_, section) => (
        <div key={section} className="flex flex-col gap-3">
          <Skeleton className="h-6 w-40" />
          <SkeletonRows rows={4} />
        </div>
      ))}
    </LoadingRegion>
  )
}
