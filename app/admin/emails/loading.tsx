import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function EmailsLoading() {
  return (
    <LoadingRegion label="Loading emails…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-16" />
        ))}
      </div>
      <SkeletonRows rows={8} />
    </LoadingRegion>
  )
}
