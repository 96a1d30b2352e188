"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

/** Re-runs a delivery from its stored payload; the row then shows the new status (or the new error). */
export function ReplayButton({ deliveryId, eventType }: { deliveryId: string; eventType: string }) {
  const { pending, error, mutate } = useMutation({ refresh: true })

  const replay = () => mutate(`/api/admin/webhooks/${encodeURIComponent(deliveryId)}/replay`)

  return (
    <div className="flex flex-col items-end gap-1">
      <ActionButton
        variant="secondary"
        size="sm"
        onClick={replay}
        disabled={pending}
        aria-label={`Replay ${eventType} delivery`}
        data-testid="replay-delivery"
      >
        {pending ? "Replaying…" : "Replay"}
      </ActionButton>
      <InlineError message={error?.message} className="max-w-48 text-right text-xs" />
    </div>
  )
}
