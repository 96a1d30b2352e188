import { StatCard } from "@/components/ui/stat-card"
import { When } from "@/components/ui/when"
import { formatPlanPrice } from "@/lib/billing/format"
import type { CustomerDetail } from "@/lib/customers/queries"
import { formatMoney } from "@/lib/format/money"
import { SubscriptionStatusBadge } from "../../_components/subscription-status-badge"

/** The figures under the customer's name: where they stand and what they are worth. */
export function CustomerSummary({ detail }: { detail: CustomerDetail }) {
  const { customer, summary, subscriptions } = detail
  const current = subscriptions.find((s) => s.id === summary.currentSubscriptionId) ?? null
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label="Subscription"
        value={
          <SubscriptionStatusBadge
            status={current?.status ?? null}
            cancelAtPeriodEnd={current?.cancelAtPeriodEnd}
            endedAt={current?.endedAt}
          />
        }
        hint={current ? `${current.plan.name}, ${formatPlanPrice(current.plan)}` : "Never subscribed"}
        data-testid="customer-status"
      />
      <StatCard
        label="MRR"
        value={formatMoney(summary.currentMrrCents, summary.currency)}
        hint="Monthly recurring revenue now"
        data-testid="customer-mrr"
      />
      <StatCard
        label="Lifetime value"
        value={formatMoney(summary.lifetimeValueCents, summary.currency)}
        hint={lifetimeHint(summary)}
        data-testid="customer-ltv"
      />
      <StatCard
        label="Joined"
        value={<When date={customer.createdAt} as="date" />}
        hint={customer.emailVerified ? "Email verified" : "Email not verified"}
      />
    </div>
  )
}

function lifetimeHint({ paidCents, refundedCents, currency }: CustomerDetail["summary"]): string {
  if (paidCents === 0) return "No payments yet"
  if (refundedCents === 0) return "Paid before tax, nothing refunded"
  return `${formatMoney(paidCents, currency)} paid, ${formatMoney(refundedCents, currency)} refunded (before tax)`
}
