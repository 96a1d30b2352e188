"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useApiAction } from "@/lib/http/use-api-action"

/** "Assign to me" for one order; the page re-renders from the server afterwards. */
export function AssignButton({ orderId, label = "Assign to me" }: { orderId: string; label?: string }) {
  const { pending, error, run } = useApiAction()

  const assign = () => run(`/api/admin/orders/${encodeURIComponent(orderId)}/assign`, { method: "POST", body: {} })

  return (
    <div className="flex flex-col items-start gap-1">
      <ActionButton size="sm" variant="secondary" onClick={assign} disabled={pending} data-testid="assign-to-me">
        {pending ? "Assigning…" : label}
      </ActionButton>
      <InlineError message={error} className="text-xs" />
    </div>
  )
}
