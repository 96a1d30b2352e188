"use client"

import { useState } from "react"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"
import { cn } from "@/lib/utils/cn"
import { useHydrated } from "@/lib/utils/use-hydrated"

type VoteButtonProps = {
  requestId: string
  title: string
  voted: boolean
  voteCount: number
  closed: boolean
  canVote: boolean
}

/** A toggle button (aria-pressed) with the vote count; the count shown is the server's after each click. */
export function VoteButton({
  requestId,
  title,
  voted: initialVoted,
  voteCount: initialCount,
  closed,
  canVote,
}: VoteButtonProps) {
  const [voted, setVoted] = useState(initialVoted)
  const [count, setCount] = useState(initialCount)
  const { pending, error, mutate } = useMutation<{ voted: boolean; voteCount: number }>({
    onSuccess: (answer) => {
      setVoted(answer.voted)
      setCount(answer.voteCount)
    },
  })
  const hydrated = useHydrated()
  // A closed request can still lose a vote, not gain one. Before hydration a click would be lost.
  const disabled = !hydrated || pending || !canVote || (closed && !voted)

  const toggle = () =>
    mutate(`/api/account/feature-requests/${encodeURIComponent(requestId)}/vote`, { method: voted ? "DELETE" : "POST" })

  return (
    <div className="flex flex-col items-center gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={disabled}
        aria-pressed={voted}
        aria-label={`${voted ? "Remove your vote for" : "Vote for"} ${title}, ${count} ${count === 1 ? "vote" : "votes"}`}
        className={cn(
          "flex min-w-14 cursor-pointer flex-col items-center rounded-lg border px-2 py-1.5 text-sm font-semibold tabular-nums shadow-sm transition-colors disabled:cursor-not-allowed disabled:opacity-60",
          voted
            ? "border-brand-600 bg-brand-600 text-white hover:bg-brand-700"
            : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
        )}
        data-testid="vote-button"
      >
        <span aria-hidden="true">▲</span>
        <span data-testid="vote-count">{count}</span>
      </button>
      <InlineError message={error?.message} className="max-w-32 text-center text-xs" />
    </div>
  )
}
