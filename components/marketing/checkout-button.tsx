"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { networkError, readApiError } from "@/lib/http/client-error"

/** Starts a checkout for a signed-in visitor: the server answers where to pay (Polar, or the test checkout). */
export function CheckoutButton({ planId, planName, className }: { planId: string; planName: string; className?: string }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function start() {
    setPending(true)
    setError(null)
    try {
      const response = await fetch("/api/checkout", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ planId }) })
      if (response.ok) {
        // Polar's hosted checkout, or the local test checkout: a full navigation either way.
        const { url } = (await response.json()) as { url: string }
        window.location.assign(url)
        return
      }
      if (response.status === 401) {
        router.push(`/signin?callbackUrl=${encodeURIComponent("/pricing")}`)
        return
      }
      setError((await readApiError(response)).message)
    } catch {
      setError(networkError.message)
    }
    setPending(false)
  }

  return (
    <div className={className}>
      <ActionButton onClick={start} disabled={pending} className="w-full" data-testid="checkout-button">
        {pending ? "Starting checkout…" : "Subscribe"}
        <span className="sr-only"> to {planName}</span>
      </ActionButton>
      <InlineError message={error} className="mt-2" />
    </div>
  )
}
