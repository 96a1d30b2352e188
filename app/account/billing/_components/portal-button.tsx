"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

/** Opens Polar's customer portal: a session is created only when asked for, then the browser goes there. */
export function PortalButton() {
  const { pending, error, mutate } = useMutation<{ url: string }>({
    onSuccess: ({ url }) => window.location.assign(url),
  })

  return (
    <div className="flex flex-col items-start gap-2">
      <ActionButton
        variant="secondary"
        disabled={pending}
        onClick={() => mutate("/api/account/billing-portal", { method: "GET" })}
        data-testid="billing-portal"
      >
        {pending ? "Opening…" : "Manage payment methods"}
      </ActionButton>
      <InlineError message={error?.message} />
    </div>
  )
}
