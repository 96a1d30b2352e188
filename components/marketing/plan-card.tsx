import type { BillingInterval } from "@/generated/prisma/enums"
import { ButtonLink } from "@/components/ui/button"
import { intervalLabel } from "@/lib/billing/format"
import { formatMoney } from "@/lib/format/money"
import { cn } from "@/lib/utils/cn"
import { CheckIcon } from "./check-icon"
import { CheckoutButton } from "./checkout-button"

export type PlanCardPlan = {
  id: string
  slug: string
  name: string
  description: string
  interval: BillingInterval
  priceCents: number
  currency: string
  seats: number
  features: string[]
}

/** Sign-in first, then back to the pricing page, where the chosen plan's button starts checkout. */
export function planSignupHref(slug: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(`/pricing?plan=${slug}`)}`
}

/** `signedIn`: the call to action starts checkout; otherwise it leads to sign-in and back. */
export function PlanCard({
  plan,
  signedIn = false,
  className,
}: {
  plan: PlanCardPlan
  signedIn?: boolean
  className?: string
}) {
  const titleId = `plan-${plan.slug}`
  return (
    <article
      aria-labelledby={titleId}
      data-testid="plan-card"
      className={cn("flex flex-col rounded-2xl border border-slate-200 bg-surface p-6 shadow-sm", className)}
    >
      <h3 id={titleId} className="text-lg font-semibold text-slate-900">
        {plan.name}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{plan.description}</p>
      <p className="mt-6 flex items-baseline gap-1">
        <span className="text-4xl font-bold tracking-tight text-slate-900">
          {formatMoney(plan.priceCents, plan.currency, { hideZeroCents: true })}
        </span>
        <span className="text-sm font-medium text-slate-600">/{intervalLabel(plan.interval)}</span>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {plan.seats} {plan.seats === 1 ? "seat" : "seats"} · billed {plan.interval === "YEAR" ? "yearly" : "monthly"}
      </p>
      <ul className="mt-6 flex-1 space-y-3 text-sm text-slate-700">
        {plan.features.map((feature) => (
          <li key={feature} className="flex gap-2">
            <CheckIcon className="text-brand-600" />
            <span>{feature}</span>
          </li>
        ))}
      </ul>
      {signedIn ? (
        <CheckoutButton planId={plan.id} planName={plan.name} className="mt-8" />
      ) : (
        <ButtonLink href={planSignupHref(plan.slug)} className="mt-8 w-full">
          Get started<span className="sr-only"> with {plan.name}</span>
        </ButtonLink>
      )}
    </article>
  )
}
