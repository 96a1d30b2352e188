"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { networkError, readApiError } from "@/lib/http/client-error"

export function TestCheckoutButtons({ token }: { token: string }) {
  const [pending, setPending] = useState<"paid" | "declined" | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function complete(outcome: "paid" | "declined") {
    setPending(outcome)
    setError(null)
    try {
      const response = await fetch("/api/checkout/test/complete", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, outcome }) })
      if (response.ok) {
        const { redirectTo } = (await response.json()) as { redirectTo: string }
        window.location.assign(redirectTo)
        return
      }
      setError((await readApiError(response)).message)
    } catch {
      setError(networkError.message)
    }
    setPending(null)
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-3 sm:flex-row">
        <ActionButton size="lg" className="flex-1" onClick={() => complete("paid")} disabled={pending !== null} data-testid="test-pay">
          {pending === "paid" ? "Paying…" : "Pay"}
        </ActionButton>
        <ActionButton size="lg" variant="secondary" className="flex-1" onClick={() => complete("declined")} disabled={pending !== null} data-testid="test-decline">
          {pending === "declined" ? "Declining…" : "Card declined"}
        </ActionButton>
      </div>
      <InlineError message={error} />
    </div>
  )
}
