"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

type Outcome = "paid" | "declined"

export function TestCheckoutButtons({ token }: { token: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const { pending, error, mutate } = useMutation<{ redirectTo: string }>({
    leavesPage: true,
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  })
  const busy = (choice: Outcome) => pending && outcome === choice

  function complete(choice: Outcome) {
    setOutcome(choice)
    void mutate("/api/checkout/test/complete", { body: { token, outcome: choice } })
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-3 sm:flex-row">
        <ActionButton
          size="lg"
          className="flex-1"
          onClick={() => complete("paid")}
          disabled={pending}
          data-testid="test-pay"
        >
          {busy("paid") ? "Paying…" : "Pay"}
        </ActionButton>
        <ActionButton
          size="lg"
          variant="secondary"
          className="flex-1"
          onClick={() => complete("declined")}
          disabled={pending}
          data-testid="test-decline"
        >
          {busy("declined") ? "Declining…" : "Card declined"}
        </ActionButton>
      </div>
      <InlineError message={error?.message} />
    </div>
  )
}
