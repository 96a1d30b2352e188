"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

/** "Assign to me" for one order; the page re-renders from the server afterwards. */
export function AssignButton({ orderId, label = "Assign to me" }: { orderId: string; label?: string }) {
  const { pending, error, mutate } = useMutation({ refresh: true })

  const assign = () => mutate(`/api/admin/orders/${encodeURIComponent(orderId)}/assign`, { body: {} })

  return (
    <div className="flex flex-col items-start gap-1">
      <ActionButton size="sm" variant="secondary" onClick={assign} disabled={pending} data-testid="assign-to-me">
        {pending ? "Assigning…" : label}
      </ActionButton>
      <InlineError message={error?.message} className="text-xs" />
    </div>
  )
}
