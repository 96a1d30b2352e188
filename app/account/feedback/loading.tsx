import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function Loading() {
  return (
    <LoadingRegion label="Loading feedback…" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="mt-3 h-5 w-96 max-w-full" />
      <Skeleton className="mt-8 h-72 w-full rounded-xl" />
      <Skeleton className="mt-10 h-7 w-56" />
      <Skeleton className="mt-5 h-24 w-full rounded-xl" />
      <Skeleton className="mt-3 h-24 w-full rounded-xl" />
    </LoadingRegion>
  )
}
