import { Badge } from "@/components/ui/badge"
import { EmptyState } from "@/components/ui/empty-state"
import { npsCategory } from "@/lib/feedback/scores"
import { formatDate } from "@/lib/format/dates"

const TONE = { promoter: "success", passive: "neutral", detractor: "danger" } as const

export type NpsComment = { id: string; score: number; comment: string; createdAt: Date }

/** The latest NPS comments with their scores; the category is in words, not only in colour. */
export function NpsComments({ comments, headingId }: { comments: NpsComment[]; headingId?: string }) {
  if (comments.length === 0) return <EmptyState as="h3" title="No NPS comments in this range" />
  return (
    <ul className="flex flex-col gap-3" aria-labelledby={headingId} data-testid="nps-comments">
      {comments.map((item) => {
        const category = npsCategory(item.score)
        return (
          <li key={item.id} className="rounded-xl border border-slate-200 bg-surface p-4 shadow-sm">
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <Badge tone={TONE[category]}>
                {item.score} · {category}
              </Badge>
              <span>{formatDate(item.createdAt)}</span>
            </div>
            <blockquote className="mt-2 text-sm break-words whitespace-pre-line text-slate-800">
              {item.comment}
            </blockquote>
          </li>
        )
      })}
    </ul>
  )
}
