"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useApiAction } from "@/lib/http/use-api-action"

/** Replays every failed delivery of one Polar subscription; the list then shows their new statuses (or new errors). */
export function ReplaySubscriptionButton({ subscriptionId, failed }: { subscriptionId: string; failed: number }) {
  const { pending, error, run } = useApiAction()

  const replay = () => run("/api/admin/webhooks/replay", { method: "POST", body: { subscription: subscriptionId } })

  return (
    <div className="flex flex-col items-start gap-1">
      <ActionButton onClick={replay} disabled={pending} data-testid="replay-subscription">
        {pending ? "Replaying…" : failed === 1 ? "Replay the 1 failed delivery of this subscription" : `Replay all ${failed} failed deliveries of this subscription, oldest first`}
      </ActionButton>
      <InlineError message={error} />
    </div>
  )
}
