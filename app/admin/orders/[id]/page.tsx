import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { OrderStatusBadge } from "@/components/orders/order-status-badge"
import { OrderTimeline } from "@/components/orders/order-timeline"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { PageHeader } from "@/components/ui/page-header"
import { requireStaffSession } from "@/lib/auth/session"
import { getOrderDetail } from "@/lib/orders/queries"
import { isOpenOrder } from "@/lib/orders/rules"
import { AssignButton } from "../_components/assign-button"
import { FulfilForm } from "../_components/fulfil-form"
import { OrderFacts } from "../_components/order-facts"
import { ReleaseButton } from "../_components/release-button"

export const metadata: Metadata = { title: "Order" }
export const dynamic = "force-dynamic"

type OrderPageProps = { params: Promise<{ id: string }> }

export default async function OrderPage({ params }: OrderPageProps) {
  const { id } = await params
  const session = await requireStaffSession(`/admin/orders/${encodeURIComponent(id)}`)
  const now = new Date()
  const order = await getOrderDetail(id, now)
  if (!order) notFound()
  const open = isOpenOrder(order.status)

  return (
    <div className="flex flex-col gap-6" data-testid="order-page" data-order-id={order.id}>
      <Link href="/admin/orders" className="text-sm font-medium text-brand-700 hover:underline">
        ← Orders
      </Link>
      <PageHeader
        title={`Order for ${order.customer.email}`}
        description={<span className="font-mono text-xs">{order.id}</span>}
        actions={
          <>
            <OrderStatusBadge
              status={order.status}
              audience="staff"
              className="whitespace-nowrap"
              data-testid="order-status"
            />
            {open && order.assigneeId !== session.user.id ? <AssignButton orderId={order.id} /> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Details</CardTitle>
            </CardHeader>
            <CardContent>
              <OrderFacts order={order} now={now} />
            </CardContent>
          </Card>
          {open ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Deliver the seat</CardTitle>
                <CardDescription>
                  Provision the seat, then enter its login. The subscriber is told it is ready and reveals it in their
                  portal.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <FulfilForm orderId={order.id} />
              </CardContent>
            </Card>
          ) : null}
          {order.releaseDue ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Release the seat</CardTitle>
                <CardDescription>
                  The subscription ended or was refunded. Remove the seat at the provider, then mark it released: its
                  stored credentials are deleted.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <ReleaseButton orderId={order.id} />
              </CardContent>
            </Card>
          ) : null}
        </div>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            <OrderTimeline events={order.events} audience="staff" />
          </CardContent>
        </Card>
      </div>
    </div>
  )
}
