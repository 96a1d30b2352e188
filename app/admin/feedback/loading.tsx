import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function Loading() {
  return (
    <LoadingRegion label="Loading feedback…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-5 w-[32rem] max-w-full" />
      <div className="grid gap-4 sm:grid-cols-3">
        <Skeleton className="h-28 rounded-xl" />
        <Skeleton className="h-28 rounded-xl" />
        <Skeleton className="h-28 rounded-xl" />
      </div>
      <Skeleton className="h-80 w-full rounded-xl" />
    </LoadingRegion>
  )
}
