"use client"

import { useEffect, useRef, useState, type ReactNode } from "react"
import { ActionButton } from "./action-button"
import type { ButtonSize } from "./button"
import { InlineError } from "./inline-error"
import { useMutation } from "./use-mutation"

type ConfirmButtonProps = {
  /** The API call the confirmation makes; the page is re-rendered from the server after it. */
  path: string
  method?: "POST" | "DELETE"
  body?: unknown
  /** After the call succeeded, e.g. to say so. */
  onDone?: () => void
  children: ReactNode
  /** What the second button says, e.g. "End it now". */
  confirmLabel: string
  pendingLabel: string
  /** What backs out, e.g. "Keep it". */
  cancelLabel?: string
  /** Names the thing acted on, for screen readers ("End the session on Firefox on Linux"). */
  ariaLabel?: string
  testId: string
  /** The confirming button's test id; `${testId}-confirm` unless said. */
  confirmTestId?: string
  /** "sm" in tables and cards, "md" among a page's own buttons. */
  size?: Extract<ButtonSize, "sm" | "md">
  variant?: "secondary" | "ghost" | "danger"
  /** Another action nearby is running. */
  disabled?: boolean
}

const LAYOUT = {
  sm: { stack: "gap-1", row: "flex gap-2", error: "text-xs" },
  md: { stack: "gap-2", row: "flex flex-wrap gap-2", error: undefined },
} as const

/**
 * A button that asks "are you sure?" in the page, not with window.confirm: the question stays
 * where screen readers and tests reach it, and a stray click changes nothing.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const {
    path,
    method = "POST",
    body,
    onDone,
    children,
    confirmLabel,
    pendingLabel,
    cancelLabel = "Cancel",
    ariaLabel,
    testId,
    confirmTestId = `${testId}-confirm`,
    size = "sm",
    variant = "secondary",
    disabled,
  } = props
  const { pending, error, mutate } = useMutation({ refresh: true, onSuccess: onDone })
  const [confirming, setConfirming] = useState(false)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const layout = LAYOUT[size]

  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  async function confirm() {
    if ((await mutate(path, { method, body }))?.ok) setConfirming(false)
  }

  if (!confirming) {
    return (
      <ActionButton
        variant={variant}
        size={size}
        onClick={() => setConfirming(true)}
        disabled={disabled}
        aria-label={ariaLabel}
        data-testid={testId}
      >
        {children}
      </ActionButton>
    )
  }

  return (
    <div className={`flex flex-col items-start ${layout.stack}`}>
      <div className={layout.row}>
        <ActionButton
          ref={confirmRef}
          variant="danger"
          size={size}
          onClick={() => void confirm()}
          disabled={pending || disabled}
          aria-label={ariaLabel ? `Confirm: ${ariaLabel}` : undefined}
          data-testid={confirmTestId}
        >
          {pending ? pendingLabel : confirmLabel}
        </ActionButton>
        <ActionButton variant="ghost" size={size} onClick={() => setConfirming(false)} disabled={pending || disabled}>
          {cancelLabel}
        </ActionButton>
      </div>
      <InlineError message={error?.message} className={layout.error} />
    </div>
  )
}
