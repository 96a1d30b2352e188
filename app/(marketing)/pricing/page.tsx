import type { Metadata } from "next"
import { PlanComparisonTable } from "@/components/marketing/plan-comparison-table"
import { PlanGrid } from "@/components/marketing/plan-grid"
import { getCurrentUser } from "@/lib/auth/session"
import { listActivePlans } from "@/lib/billing/queries"

export const dynamic = "force-dynamic"

export const metadata: Metadata = {
  title: "Pricing",
  description: "Monthly and annual AI copilot plans. Every seat delivered within 24 hours of payment.",
}

export default async function PricingPage() {
  const [plans, user] = await Promise.all([listActivePlans(), getCurrentUser()])
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <div className="mx-auto max-w-2xl text-center">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Pricing</h1>
        <p className="mt-4 text-lg text-slate-600">One price per seat, delivered within 24 hours. Cancel anytime.</p>
      </div>

      <section aria-labelledby="plans-title" className="mt-12">
        <h2 id="plans-title" className="sr-only">
          Plans
        </h2>
        <PlanGrid plans={plans} signedIn={user !== null} />
      </section>

      {plans.length > 0 ? (
        <section aria-labelledby="compare-title" className="mt-16">
          <h2 id="compare-title" className="text-2xl font-bold tracking-tight text-slate-900">
            Compare plans
          </h2>
          <div className="mt-6">
            <PlanComparisonTable plans={plans} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="billing-title" className="mt-16 rounded-2xl border border-brand-200 bg-brand-50 p-6">
        <h2 id="billing-title" className="text-lg font-semibold text-slate-900">
          Monthly or annual?
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          Monthly plans are billed every month; annual plans are billed once a year, up front. Both renew automatically
          until you cancel, and after canceling your seat stays active until the end of the period you paid for.
        </p>
      </section>
    </div>
  )
}
