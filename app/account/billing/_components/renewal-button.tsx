"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

const ACTIONS = {
  fail: {
    path: "/api/account/billing/test/fail-renewal",
    label: "Simulate a failed renewal",
    pending: "Declining…",
    variant: "secondary",
    testId: "simulate-failed-renewal",
  },
  pay: {
    path: "/api/account/billing/test/pay-renewal",
    label: "Update card and pay",
    pending: "Paying…",
    variant: "primary",
    testId: "update-card-and-pay",
  },
} as const

/** Test mode's two card events; the server sends the webhooks, then the page shows the new state. */
export function RenewalButton({ action, amount }: { action: keyof typeof ACTIONS; amount?: string }) {
  const { pending, error, mutate } = useMutation({ refresh: true })
  const { path, label, variant, testId } = ACTIONS[action]
  return (
    <div className="flex flex-col items-start gap-2">
      <ActionButton
        variant={variant}
        disabled={pending}
        onClick={() => mutate(path, { body: {} })}
        data-testid={testId}
      >
        {pending ? ACTIONS[action].pending : amount ? `${label} ${amount}` : label}
      </ActionButton>
      <InlineError message={error?.message} />
    </div>
  )
}
