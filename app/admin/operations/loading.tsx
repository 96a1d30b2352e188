import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function OperationsLoading() {
  return (
    <LoadingRegion label="Loading the operations dashboard…" className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <Skeleton className="h-9 w-48" />
        <Skeleton className="h-4 w-[32rem] max-w-full" />
        <Skeleton className="h-10 w-80 max-w-full rounded-lg" />
      </div>
      {Array.from({ length: 3 }, (_, section) => (
        <div key={section} className="flex flex-col gap-4">
          <Skeleton className="h-6 w-40" />
          <div className="grid gap-4 lg:grid-cols-3">
            {Array.from({ length: 3 }, (_, chart) => (
              <Skeleton key={chart} className="h-64 rounded-xl" />
            ))}
          </div>
        </div>
      ))}
    </LoadingRegion>
  )
}
