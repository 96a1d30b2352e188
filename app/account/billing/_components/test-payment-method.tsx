import { Badge } from "@/components/ui/badge"
import { describeTestCard, testCardExpiry } from "@/lib/billing/test-mode/card"
import type { TestPaymentMethod as TestPaymentMethodData } from "@/lib/billing/test-mode/renewals"
import { formatLongDate } from "@/lib/format/dates"
import { formatMoney } from "@/lib/format/money"
import { RenewalButton } from "./renewal-button"

// Test mode only: stands in for the payment-method page of Polar's customer portal.
export function TestPaymentMethod({ method }: { method: TestPaymentMethodData }) {
  const { card, declined, next } = method
  return (
    <section
      aria-labelledby="payment-method-heading"
      data-testid="test-payment-method"
      className="flex flex-col gap-4 rounded-xl border-2 border-dashed border-amber-500 bg-amber-50/40 p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="payment-method-heading" className="text-lg font-semibold text-slate-900">
          Payment method (test mode)
        </h2>
        <p
          role="note"
          className="rounded-full bg-amber-100 px-3 py-0.5 text-xs font-bold tracking-wide text-amber-900 uppercase"
        >
          Test mode — no real card
        </p>
      </div>
      {card ? (
        <p className="flex flex-wrap items-center gap-3 text-slate-900">
          <span className="font-medium" data-testid="test-card">
            {describeTestCard(card)}
          </span>
          <span className="text-sm text-slate-600">expires {testCardExpiry(card)}</span>
          {declined ? (
            <Badge tone="danger" data-testid="card-declined">
              Declined
            </Badge>
          ) : null}
        </p>
      ) : (
        <p className="text-sm text-slate-600">No card on file yet: the card you pay with at checkout is kept here.</p>
      )}
      {next?.action === "fail_renewal" ? (
        <>
          <p className="text-sm text-slate-600">
            Your subscription renews on {formatLongDate(next.renewsAt)}. Act out a declined renewal charge now: the app
            receives the webhooks Polar sends when a renewal fails, and you get the payment-failed email.
          </p>
          <RenewalButton action="fail" />
        </>
      ) : null}
      {next?.action === "pay" ? (
        <>
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            Your last renewal payment failed. Update your card and pay {formatMoney(next.amountCents, next.currency)} to
            keep your seat.
          </p>
          <RenewalButton action="pay" amount={formatMoney(next.amountCents, next.currency)} />
        </>
      ) : null}
    </section>
  )
}
