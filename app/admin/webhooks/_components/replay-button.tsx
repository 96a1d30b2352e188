"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { Button } from "@/components/ui/button"
import { networkError, readApiError } from "@/lib/http/client-error"

/** Re-runs a delivery from its stored payload; the row then shows the new status (or the new error). */
export function ReplayButton({ deliveryId, eventType }: { deliveryId: string; eventType: string }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function replay() {
    setPending(true)
    setError(null)
    try {
      const response = await fetch(`/api/admin/webhooks/${encodeURIComponent(deliveryId)}/replay`, { method: "POST" })
      if (response.ok) router.refresh()
      else setError((await readApiError(response)).message)
    } catch {
      setError(networkError.message)
    } finally {
      setPending(false)
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" onClick={replay} disabled={pending} aria-label={`Replay ${eventType} delivery`} data-testid="replay-delivery">
        {pending ? "Replaying…" : "Replay"}
      </Button>
      {error ? (
        <p role="alert" className="max-w-48 text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  )
}
