import { EmptyState } from "@/components/ui/empty-state"
import { PlanCard, type PlanCardPlan } from "./plan-card"

/** Plans side by side, one column on phones; an empty state when none are on sale. */
export function PlanGrid({ plans, signedIn = false }: { plans: PlanCardPlan[]; signedIn?: boolean }) {
  if (plans.length === 0) {
    return (
      <EmptyState
        as="h3"
        title="No plans on sale right now"
        description="We're updating our plans. Please check back soon."
      />
    )
  }
  return (
    <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fit,minmax(16rem,1fr))]">
      {plans.map((plan) => (
        <PlanCard key={plan.slug} plan={plan} signedIn={signedIn} />
      ))}
    </div>
  )
}
