"use client"

import { useRouter } from "next/navigation"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

/** Starts a checkout for a signed-in visitor: the server answers where to pay (Polar, or the test checkout). */
export function CheckoutButton({
  planId,
  planName,
  className,
}: {
  planId: string
  planName: string
  className?: string
}) {
  const router = useRouter()
  const { pending, error, mutate } = useMutation<{ url: string }>({
    leavesPage: true,
    // Polar's hosted checkout, or the local test checkout: a full navigation either way.
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (failure) => {
      if (failure.status !== 401) return false
      router.push(`/signin?callbackUrl=${encodeURIComponent("/pricing")}`)
      return true
    },
  })

  return (
    <div className={className}>
      <ActionButton
        onClick={() => mutate("/api/checkout", { body: { planId } })}
        disabled={pending}
        className="w-full"
        data-testid="checkout-button"
      >
        {pending ? "Starting checkout…" : "Subscribe"}
        <span className="sr-only"> to {planName}</span>
      </ActionButton>
      <InlineError message={error?.message} className="mt-2" />
    </div>
  )
}
