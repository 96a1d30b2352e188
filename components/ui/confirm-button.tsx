"use client"

import { useEffect, useRef, useState, type ReactNode } from "react"
import { useApiAction } from "@/lib/http/use-api-action"
import { ActionButton } from "./action-button"
import { InlineError } from "./inline-error"

type ConfirmButtonProps = {
  /** The API call the confirmation makes. */
  path: string
  method: "POST" | "DELETE"
  children: ReactNode
  /** What the second button says, e.g. "End it now". */
  confirmLabel: string
  pendingLabel: string
  /** Names the thing acted on, for screen readers ("End the session on Firefox on Linux"). */
  ariaLabel: string
  testId: string
}

/**
 * A button that asks "are you sure?" in the page, not with window.confirm: the question stays
 * where screen readers and tests reach it, and a stray click changes nothing.
 */
export function ConfirmButton({ path, method, children, confirmLabel, pendingLabel, ariaLabel, testId }: ConfirmButtonProps) {
  const { pending, error, run } = useApiAction()
  const [confirming, setConfirming] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  async function confirm() {
    if (await run(path, { method })) setConfirming(false)
  }

  if (!confirming) {
    return (
      <ActionButton variant="secondary" size="sm" onClick={() => setConfirming(true)} aria-label={ariaLabel} data-testid={testId}>
        {children}
      </ActionButton>
    )
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex gap-2">
        <ActionButton ref={confirmRef} variant="danger" size="sm" onClick={() => void confirm()} disabled={pending} aria-label={`Confirm: ${ariaLabel}`} data-testid={`${testId}-confirm`}>
          {pending ? pendingLabel : confirmLabel}
        </ActionButton>
        <ActionButton variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </ActionButton>
      </div>
      <InlineError message={error} className="text-xs" />
    </div>
  )
}
