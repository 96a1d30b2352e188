import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function AuditLoading() {
  return (
    <LoadingRegion label="Loading the audit log…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-16" />
        ))}
      </div>
      <SkeletonRows rows={8} />
    </LoadingRegion>
  )
}
