import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function ErrorsLoading() {
  return (
    <LoadingRegion label="Loading errors…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <SkeletonRows rows={8} rowClassName="h-10" />
    </LoadingRegion>
  )
}
