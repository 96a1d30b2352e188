import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function CustomersLoading() {
  return (
    <LoadingRegion label="Loading customers…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto]">
        <Skeleton className="h-16" />
        <Skeleton className="h-16" />
        <Skeleton className="h-16 w-40" />
      </div>
      <SkeletonRows rows={10} />
    </LoadingRegion>
  )
}
