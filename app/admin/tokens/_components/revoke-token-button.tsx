"use client"

import { useEffect, useRef, useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useApiAction } from "@/lib/http/use-api-action"

// Two steps instead of window.confirm: the question stays in the page, where screen readers and
// tests can reach it, and a stray click cannot cut off a production integration.
export function RevokeTokenButton({ tokenId, tokenName }: { tokenId: string; tokenName: string }) {
  const { pending, error, run } = useApiAction()
  const [confirming, setConfirming] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  const revoke = () => run(`/api/admin/tokens/${encodeURIComponent(tokenId)}`, { method: "DELETE" })

  if (!confirming) {
    return (
      <ActionButton variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke ${tokenName}`} data-testid="revoke-token">
        Revoke
      </ActionButton>
    )
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <ActionButton ref={confirmRef} variant="danger" size="sm" onClick={revoke} disabled={pending} aria-label={`Confirm: revoke ${tokenName} now`} data-testid="revoke-token-confirm">
          {pending ? "Revoking…" : "Revoke now"}
        </ActionButton>
        <ActionButton variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </ActionButton>
      </div>
      <InlineError message={error} className="text-xs" />
    </div>
  )
}
