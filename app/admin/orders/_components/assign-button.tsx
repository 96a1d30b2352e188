"use client"

import { Button } from "@/components/ui/button"
import { useApiAction } from "@/lib/http/use-api-action"

/** "Assign to me" for one order; the page re-renders from the server afterwards. */
export function AssignButton({ orderId, label = "Assign to me" }: { orderId: string; label?: string }) {
  const { pending, error, run } = useApiAction()

  const assign = () => run(`/api/admin/orders/${encodeURIComponent(orderId)}/assign`, { method: "POST", body: {} })

  return (
    <div className="flex flex-col items-start gap-1">
      <Button size="sm" variant="secondary" onClick={assign} disabled={pending} data-testid="assign-to-me">
        {pending ? "Assigning…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  )
}
