"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { Button } from "@/components/ui/button"
import { networkError, readApiError } from "@/lib/http/client-error"

/** "Assign to me" for one order; the page re-renders from the server afterwards. */
export function AssignButton({ orderId, label = "Assign to me" }: { orderId: string; label?: string }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function assign() {
    setPending(true)
    setError(null)
    try {
      const response = await fetch(`/api/admin/orders/${encodeURIComponent(orderId)}/assign`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
      if (response.ok) router.refresh()
      else setError((await readApiError(response)).message)
    } catch {
      setError(networkError.message)
    } finally {
      setPending(false)
    }
  }

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
