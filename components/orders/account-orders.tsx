import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { formatLongDate } from "@/lib/format/dates"
import { formatMoney } from "@/lib/format/money"
import type { AccountOrder } from "@/lib/orders/account"
import { OrderStatusBadge } from "./order-status-badge"
import { OrderTimeline } from "./order-timeline"
import { RevealCredentials } from "./reveal-credentials"

/** The subscriber's orders with their timelines and, for a delivered seat, "Reveal credentials". */
export function AccountOrders({ orders, headingLevel = "h2" }: { orders: AccountOrder[]; headingLevel?: "h2" | "h3" }) {
  if (orders.length === 0) {
    return (
      <EmptyState
        as={headingLevel}
        title="No orders yet"
        description="Each payment creates an order; we deliver your seat within 24 hours."
      />
    )
  }
  return (
    <ul className="flex flex-col gap-6" data-testid="account-orders">
      {orders.map((order) => (
        <li key={order.id}>
          <Card data-testid="account-order" data-order-id={order.id}>
            <CardHeader className="flex-row flex-wrap items-center justify-between gap-2">
              <CardTitle as={headingLevel}>
                {order.planName} seat{" "}
                <span className="font-normal text-slate-600">· paid {formatLongDate(order.paidAt)}</span>
              </CardTitle>
              <OrderStatusBadge status={order.status} audience="subscriber" data-testid="account-order-status" />
            </CardHeader>
            <CardContent className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
              <div className="flex flex-col gap-3 text-sm text-slate-700">
                <p>
                  {formatMoney(order.amountCents, order.currency)} · order{" "}
                  <span className="font-mono text-xs">{order.id}</span>
                </p>
                <p>{seatStatus(order)}</p>
                {order.canReveal ? <RevealCredentials orderId={order.id} /> : null}
              </div>
              <OrderTimeline events={order.events} audience="subscriber" />
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  )
}

function seatStatus(order: AccountOrder): string {
  if (order.releasedAt) return "This seat has been released and its credentials deleted."
  if (order.status === "REFUNDED") return "This order was refunded."
  if (order.status === "CANCELED") return "This order was canceled before delivery."
  if (order.status === "FULFILLED") return "Your seat is ready. Reveal its login below; we never send it by email."
  return `We're setting up your seat: expect it by ${formatLongDate(order.dueAt)}, within 24 hours of payment.`
}
