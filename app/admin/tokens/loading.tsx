import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function TokensLoading() {
  return (
    <LoadingRegion label="Loading API tokens…" className="flex flex-col gap-10">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <Skeleton className="h-64 w-full" />
      <SkeletonRows rows={3} />
    </LoadingRegion>
  )
}
