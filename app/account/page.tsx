import { NpsSurvey } from "@/components/feedback/nps-survey"
import { OrderCountsCard } from "@/components/orders/order-counts-card"
import { SubscriptionActions } from "@/components/billing/subscription-actions"
import { SubscriptionCard } from "@/components/billing/subscription-card"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { requireUser } from "@/lib/auth/session"
import { formatPlanPrice } from "@/lib/billing/format"
import { getAccountSummary, listActivePlans } from "@/lib/billing/queries"
import { npsSurveyState } from "@/lib/feedback/nps"

export const dynamic = "force-dynamic"

export default async function AccountPage() {
  const user = await requireUser("/account")
  const [summary, plans, survey] = await Promise.all([
    getAccountSummary(user.id),
    listActivePlans(),
    npsSurveyState(user.id),
  ])
  const now = new Date()

  return (
    <main
      id="main-content"
      data-testid="account-page"
      className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12"
    >
      <PageHeader title="Your account" description={<span className="break-all">Signed in as {user.email}</span>} />
      <div className="mt-8 grid gap-6">
        {summary ? (
          <>
            {survey.eligible ? <NpsSurvey /> : null}
            <SubscriptionCard subscription={summary.subscription} now={now} />
            <SubscriptionActions
              subscriptionId={summary.subscription.id}
              planId={summary.subscription.plan.id}
              cancelAtPeriodEnd={summary.subscription.cancelAtPeriodEnd}
              ended={summary.subscription.endedAt !== null}
              plans={plans.map((plan) => ({ id: plan.id, label: `${plan.name} · ${formatPlanPrice(plan)}` }))}
            />
            <OrderCountsCard orders={summary.orders} total={summary.totalOrders} />
          </>
        ) : (
          <EmptyState
            title="You don't have a subscription yet"
            description="Pick a plan and we'll deliver your AI copilot seat within 24 hours of payment."
            action={<ButtonLink href="/pricing">See plans</ButtonLink>}
          />
        )}
      </div>
    </main>
  )
}
