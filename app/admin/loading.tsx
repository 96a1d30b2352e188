import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function AdminLoading() {
  return (
    <LoadingRegion>
      <Skeleton className="h-8 w-48" />
      <Skeleton className="mt-2 h-4 w-72 max-w-full" />
      <div className="mt-8 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-32 rounded-xl" />
        ))}
      </div>
    </LoadingRegion>
  )
}
