import type { Metadata } from "next"
import { PageHeader } from "@/components/ui/page-header"
import { StatCard } from "@/components/ui/stat-card"
import { requireStaffSession } from "@/lib/auth/session"
import { getStaffHomeCounts } from "@/lib/orders/queries"

export const dynamic = "force-dynamic"

export const metadata: Metadata = { title: "Staff home" }

const numbers = new Intl.NumberFormat("en-US")

export default async function AdminHomePage() {
  await requireStaffSession("/admin")
  const counts = await getStaffHomeCounts()
  const overdue = counts.overdueOrders > 0
  return (
    <div data-testid="admin-home">
      <PageHeader title="Staff home" description="The business at a glance. Figures are live." />
      <div className="mt-8 grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Customers" value={numbers.format(counts.customers)} data-testid="stat-customers" />
        <StatCard
          label="Active subscriptions"
          value={numbers.format(counts.activeSubscriptions)}
          hint="Active, trialing or past due"
          data-testid="stat-active-subscriptions"
        />
        <StatCard
          label="Open orders"
          value={numbers.format(counts.openOrders)}
          hint="Awaiting or in delivery"
          data-testid="stat-open-orders"
        />
        <StatCard
          label="Overdue orders"
          value={numbers.format(counts.overdueOrders)}
          hint={overdue ? "Past the 24-hour deadline: deliver these first" : "None past the 24-hour deadline"}
          tone={overdue ? "danger" : "default"}
          data-testid="stat-overdue-orders"
        />
      </div>
    </div>
  )
}
