import { PortalButton } from "./portal-button"

// Live mode: cards are kept and changed in Polar's customer portal, never here.
export function PolarPaymentMethod() {
  return (
    <section
      aria-labelledby="payment-method-heading"
      data-testid="polar-payment-method"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm"
    >
      <h2 id="payment-method-heading" className="text-lg font-semibold text-slate-900">
        Payment method
      </h2>
      <p className="text-sm text-slate-600">
        Your card is kept by Polar, our payment provider. Change it, or pay a failed renewal, in Polar&apos;s customer
        portal.
      </p>
      <PortalButton />
    </section>
  )
}
