import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function ProductLoading() {
  return (
    <LoadingRegion label="Loading the product dashboard…" className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-4 w-[36rem] max-w-full" />
        <Skeleton className="h-10 w-[30rem] max-w-full rounded-lg" />
      </div>
      {Array.from({ length: 3 }, (_, section) => (
        <div key={section} className="flex flex-col gap-4">
          <Skeleton className="h-6 w-40" />
          <div className="grid gap-4 sm:grid-cols-3">
            {Array.from({ length: 3 }, (_, card) => (
              <Skeleton key={card} className="h-28 rounded-xl" />
            ))}
          </div>
          <Skeleton className="h-56 rounded-xl" />
        </div>
      ))}
    </LoadingRegion>
  )
}
