import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function AccountLoading() {
  return (
    <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
      <LoadingRegion label="Loading your account…">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="mt-2 h-4 w-64 max-w-full" />
        <Skeleton className="mt-8 h-44 w-full rounded-xl" />
        <Skeleton className="mt-6 h-40 w-full rounded-xl" />
      </LoadingRegion>
    </main>
  )
}
