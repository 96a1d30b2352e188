import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function OrderLoading() {
  return (
    <LoadingRegion label="Loading the order…" className="flex flex-col gap-6">
      <Skeleton className="h-4 w-20" />
      <Skeleton className="h-9 w-96 max-w-full" />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    </LoadingRegion>
  )
}
