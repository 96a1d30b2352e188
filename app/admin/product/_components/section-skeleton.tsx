import { LoadingRegion, Skeleton } from "@/components/ui/skeleton"

/** While one section's data loads; the others show as soon as theirs is ready. */
export function SectionSkeleton({ title }: { title: string }) {
  return (
    <LoadingRegion label={`Loading ${title.toLowerCase()}…`} className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold text-slate-900">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} className="h-28 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-56 rounded-xl" />
    </LoadingRegion>
  )
}
