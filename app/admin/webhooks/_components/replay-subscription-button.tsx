"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

/** Replays every failed delivery of one Polar subscription; the list then shows their new statuses (or new errors). */
export function ReplaySubscriptionButton({ subscriptionId, failed }: { subscriptionId: string; failed: number }) {
  const { pending, error, mutate } = useMutation({ refresh: true })

  const replay = () => mutate("/api/admin/webhooks/replay", { body: { subscription: subscriptionId } })

  return (
    <div className="flex flex-col items-start gap-1">
      <ActionButton onClick={replay} disabled={pending} data-testid="replay-subscription">
        {pending
          ? "Replaying…"
          : failed === 1
            ? "Replay the 1 failed delivery of this subscription"
            : `Replay all ${failed} failed deliveries of this subscription, oldest first`}
      </ActionButton>
      <InlineError message={error?.message} />
    </div>
  )
}
