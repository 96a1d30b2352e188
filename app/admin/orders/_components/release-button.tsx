import { ConfirmButton } from "@/components/ui/confirm-button"

// Two steps: releasing deletes the stored credentials for good.
export function ReleaseButton({ orderId }: { orderId: string }) {
  return (
    <ConfirmButton
      path={`/api/admin/orders/${encodeURIComponent(orderId)}/release`}
      confirmLabel="Yes, the seat is released"
      pendingLabel="Saving…"
      testId="release-seat"
      confirmTestId="release-confirm"
      size="md"
    >
      Mark seat released
    </ConfirmButton>
  )
}
