import Link from "next/link"
import type { BillingInterval, SubscriptionStatus } from "@/generated/prisma/enums"
import { Badge } from "@/components/ui/badge"
import { ButtonLink } from "@/components/ui/button"
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card"
import { describeRenewal, describeSubscriptionStatus, formatPlanPrice } from "@/lib/billing/format"
import { formatLongDate } from "@/lib/format/dates"

export type SubscriptionCardData = {
  status: SubscriptionStatus
  currentPeriodEnd: Date
  cancelAtPeriodEnd: boolean
  endedAt: Date | null
  plan: { name: string; interval: BillingInterval; priceCents: number; currency: string; seats: number }
}

export function SubscriptionCard({ subscription, now }: { subscription: SubscriptionCardData; now: Date }) {
  const status = describeSubscriptionStatus(subscription, now)
  const renewal = describeRenewal(subscription, now)
  const { plan } = subscription
  // Dunning: the seat stays while the payment provider retries, until the card is fixed or retries run out.
  const paymentFailed = subscription.status === "PAST_DUE" && subscription.endedAt === null
  return (
    <Card data-testid="subscription-card">
      <CardHeader>
        <CardTitle as="h2">Your plan</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">Plan</dt>
            <dd className="mt-1 font-semibold text-slate-900" data-testid="plan-name">
              {plan.name}
            </dd>
            <dd className="text-sm text-slate-600">
              {formatPlanPrice(plan)} · {plan.seats} {plan.seats === 1 ? "seat" : "seats"}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Status</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-x-1.5 text-sm text-slate-700">
              <Badge tone={status.tone} data-testid="subscription-status">
                {status.label}
              </Badge>
              {paymentFailed ? (
                <span data-testid="payment-failed">
                  —{" "}
                  <Link
                    href="/account/billing"
                    className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
                  >
                    update your card
                  </Link>
                </span>
              ) : null}
            </dd>
          </div>
          {renewal ? (
            <div>
              <dt className="text-sm text-slate-600">{renewal.term}</dt>
              <dd className="mt-1 font-medium text-slate-900" data-testid="renewal-date">
                <time dateTime={renewal.date.toISOString()}>{formatLongDate(renewal.date)}</time>
              </dd>
            </div>
          ) : null}
        </dl>
      </CardContent>
      {subscription.endedAt ? (
        <CardFooter>
          <p className="flex-1 text-sm text-slate-600">Want your seat back?</p>
          <ButtonLink href="/pricing" size="sm">
            See plans
          </ButtonLink>
        </CardFooter>
      ) : null}
    </Card>
  )
}
