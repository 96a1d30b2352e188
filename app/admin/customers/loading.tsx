import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function CustomersLoading() {
  return (
    <LoadingRegion label="Loading customers…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-48" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto]">
        <Skeleton className="h-16" />
        <Skeleton className="h-16" />
        <Skeleton className="h-16 w-40" />
      </div>
      <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-surface p-4">
        {Array.from({ length: 10 }, (_, index) => (
          <Skeleton key={index} className="h-8" />
        ))}
      </div>
    </LoadingRegion>
  )
}
