import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function Loading() {
  return (
    <LoadingRegion className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="mt-3 h-5 w-72" />
      <Skeleton className="mt-8 h-48 w-full" />
    </LoadingRegion>
  )
}
