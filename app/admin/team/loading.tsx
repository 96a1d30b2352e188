import { LoadingRegion, Skeleton, SkeletonRows } from "@/components/ui/skeleton"

export default function TeamLoading() {
  return (
    <LoadingRegion label="Loading the team…" className="flex flex-col gap-10">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {[5].map((rows, section) => (
        <div key={section} className="flex flex-col gap-4">
          <Skeleton className="h-6 w-32" />
          <SkeletonRows rows={rows} />
        </div>
      ))}
    </LoadingRegion>
  )
}
