"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { useMutation } from "@/components/ui/use-mutation"

export type RefundablePayment = { id: string; label: string; refundableCents: number }

/** A fresh Idempotency-Key; getRandomValues works where randomUUID does not (plain http). */
function newRefundKey(): string {
  return `refund-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("")}`
}

/** Refund a payment (in full by default) or cancel at period end, on the customer's behalf. */
export function StaffActions({
  customerId,
  payments,
  canCancel,
}: {
  customerId: string
  payments: RefundablePayment[]
  canCancel: boolean
}) {
  const [paymentId, setPaymentId] = useState(payments[0]?.id ?? "")
  const [amount, setAmount] = useState("")
  // One key per refund meant: a double submit or a retry after an error sends the same one (and
  // refunds once); a refund done, or another payment or amount, starts a new one.
  const [refundKey, setRefundKey] = useState(newRefundKey)
  const [done, setDone] = useState<string | null>(null)
  const { pending, error, mutate } = useMutation({ refresh: true })

  async function post(
    path: string,
    body: object,
    doneText: string,
    headers: Record<string, string> = {},
  ): Promise<boolean> {
    setDone(null)
    const result = await mutate(path, { body, headers })
    if (result?.ok) setDone(doneText)
    return result?.ok ?? false
  }

  function onRefund(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const cents = amount.trim() ? Math.round(Number(amount) * 100) : undefined
    void post(
      `/api/admin/customers/${customerId}/refund`,
      { paymentId, amountCents: cents },
      "Refund sent; the receipt updates when the payment provider confirms it.",
      { "idempotency-key": refundKey },
    ).then((refunded) => refunded && setRefundKey(newRefundKey()))
  }

  function changeRefund(change: () => void) {
    change()
    setRefundKey(newRefundKey())
  }

  return (
    <section
      aria-labelledby="staff-actions-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm"
      data-testid="staff-actions"
    >
      <h2 id="staff-actions-heading" className="text-lg font-semibold text-slate-900">
        Actions
      </h2>
      {payments.length > 0 ? (
        <form onSubmit={onRefund} className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
          <div>
            <Label htmlFor="refund-payment">Payment</Label>
            <Select
              id="refund-payment"
              value={paymentId}
              onChange={(event) => changeRefund(() => setPaymentId(event.target.value))}
            >
              {payments.map((payment) => (
                <option key={payment.id} value={payment.id}>
                  {payment.label}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="refund-amount">Amount (blank: all that is left)</Label>
            <Input
              id="refund-amount"
              inputMode="decimal"
              placeholder="e.g. 5.00"
              value={amount}
              onChange={(event) => changeRefund(() => setAmount(event.target.value))}
            />
          </div>
          <ActionButton type="submit" variant="secondary" disabled={pending || !paymentId} data-testid="refund-submit">
            Refund
          </ActionButton>
        </form>
      ) : (
        <p className="text-sm text-slate-600">No payment left to refund.</p>
      )}
      {canCancel ? (
        <div>
          <ActionButton
            variant="danger"
            disabled={pending}
            onClick={() =>
              post(`/api/admin/customers/${customerId}/cancel`, {}, "Canceled at the end of the paid period.")
            }
            data-testid="staff-cancel"
          >
            Cancel subscription at period end
          </ActionButton>
        </div>
      ) : null}
      <p role="status" className={error ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {error?.message ?? done ?? ""}
      </p>
    </section>
  )
}
