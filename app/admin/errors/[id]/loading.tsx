import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

export default function ErrorGroupLoading() {
  return (
    <LoadingRegion label="Loading the error group…" className="flex flex-col gap-6">
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-surface p-4">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-10" />
        ))}
      </div>
    </LoadingRegion>
  )
}
