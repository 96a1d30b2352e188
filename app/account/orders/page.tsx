import type { Metadata } from "next"
import { AccountOrders } from "@/components/orders/account-orders"
import { PageHeader } from "@/components/ui/page-header"
import { requireUser } from "@/lib/auth/session"
import { listAccountOrders } from "@/lib/orders/account"

export const metadata: Metadata = { title: "Orders" }
export const dynamic = "force-dynamic"

export default async function AccountOrdersPage() {
  const user = await requireUser("/account/orders")
  const orders = await listAccountOrders(user.id)
  return (
    <main
      id="main-content"
      data-testid="account-orders-page"
      className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12"
    >
      <PageHeader
        title="Orders"
        description="Your first payment opens an order for your plan's seats (and a payment for added seats, one for those); renewals open none. We deliver within 24 hours of the payment. Reveal the login here once it is ready."
      />
      <div className="mt-8">
        <AccountOrders orders={orders} />
      </div>
    </main>
  )
}
