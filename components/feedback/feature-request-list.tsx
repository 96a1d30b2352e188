import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { isClosedStatus } from "@/lib/feedback/format"
import { formatDate } from "@/lib/format/dates"
import { FeatureStatusBadge } from "./status-badge"
import { VoteButton } from "./vote-button"

export type FeatureRequestListItem = {
  id: string
  title: string
  body: string
  status: FeatureRequestStatus
  voteCount: number
  createdAt: Date
  votedByMe: boolean
  mine: boolean
}

/** The board's requests, each with its vote toggle; `canVote` is false for accounts that never subscribed. */
export function FeatureRequestList({ items, canVote }: { items: FeatureRequestListItem[]; canVote: boolean }) {
  return (
    <ul className="flex flex-col gap-3" data-testid="feature-request-list">
      {items.map((item) => (
        <li
          key={item.id}
          className="flex gap-4 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
          data-testid="feature-request"
          data-request-id={item.id}
        >
          {/* Keyed by the server's figures, so a refresh after posting shows them rather than stale local state. */}
          <VoteButton
            key={`${item.voteCount}-${item.votedByMe}`}
            requestId={item.id}
            title={item.title}
            voted={item.votedByMe}
            voteCount={item.voteCount}
            closed={isClosedStatus(item.status)}
            canVote={canVote}
          />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-base font-semibold break-words text-slate-900" data-testid="request-title-text">
                {item.title}
              </h3>
              <FeatureStatusBadge status={item.status} />
            </div>
            {item.body ? (
              <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-700">{item.body}</p>
            ) : null}
            <p className="mt-2 text-xs text-slate-500">
              Posted {formatDate(item.createdAt)}
              {item.mine ? " by you" : ""}
            </p>
          </div>
        </li>
      ))}
    </ul>
  )
}
