import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function OrdersLoading() {
  return (
    <LoadingRegion label="Loading orders…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="h-9 w-full max-w-2xl" />
      <Skeleton className="h-16 w-full max-w-sm" />
      <SkeletonRows rows={8} rowClassName="h-10" />
    </LoadingRegion>
  )
}
