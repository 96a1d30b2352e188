"use client"

import { useEffect, useRef, useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useApiAction } from "@/lib/http/use-api-action"

// Two steps: releasing deletes the stored credentials for good.
export function ReleaseButton({ orderId }: { orderId: string }) {
  const { pending, error, run } = useApiAction()
  const [confirming, setConfirming] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  async function release() {
    if (await run(`/api/admin/orders/${encodeURIComponent(orderId)}/release`)) setConfirming(false)
  }

  return (
    <div className="flex flex-col items-start gap-2">
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <ActionButton ref={confirmRef} variant="danger" onClick={release} disabled={pending} data-testid="release-confirm">
            {pending ? "Saving…" : "Yes, the seat is released"}
          </ActionButton>
          <ActionButton variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </ActionButton>
        </div>
      ) : (
        <ActionButton variant="secondary" onClick={() => setConfirming(true)} data-testid="release-seat">
          Mark seat released
        </ActionButton>
      )}
      <InlineError message={error} />
    </div>
  )
}
