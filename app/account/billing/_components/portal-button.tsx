"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { networkError, readApiError } from "@/lib/http/client-error"

/** Opens Polar's customer portal: a session is created only when asked for, then the browser goes there. */
export function PortalButton() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function open() {
    setPending(true)
    setError(null)
    try {
      const response = await fetch("/api/account/billing-portal")
      if (!response.ok) return setError((await readApiError(response)).message)
      const { url } = (await response.json()) as { url: string }
      window.location.assign(url)
    } catch {
      setError(networkError.message)
    } finally {
      setPending(false)
    }
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <ActionButton variant="secondary" disabled={pending} onClick={open} data-testid="billing-portal">
        {pending ? "Opening…" : "Manage payment methods"}
      </ActionButton>
      <InlineError message={error} />
    </div>
  )
}
