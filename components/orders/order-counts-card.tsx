import type { OrderStatus } from "@/generated/prisma/enums"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { ORDER_STATUS_LABELS } from "@/lib/orders/format"

const ORDER = ["PENDING", "IN_PROGRESS", "FULFILLED", "CANCELED", "REFUNDED"] as const satisfies readonly OrderStatus[]

// Canceled and refunded rows appear only when they happened: most subscribers never see them.
const ALWAYS_SHOWN: ReadonlySet<OrderStatus> = new Set(["PENDING", "IN_PROGRESS", "FULFILLED"])

export function OrderCountsCard({ orders, total }: { orders: Record<OrderStatus, number>; total: number }) {
  const rows = ORDER.filter((status) => ALWAYS_SHOWN.has(status) || orders[status] > 0)
  return (
    <Card data-testid="order-counts">
      <CardHeader>
        <CardTitle as="h2">Orders</CardTitle>
        <CardDescription>
          {total === 0 ? "No orders yet." : `${total} ${total === 1 ? "order" : "orders"} in total.`} Each payment
          creates an order, delivered within 24 hours.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          {rows.map((status) => (
            <div key={status} className="rounded-lg bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{ORDER_STATUS_LABELS[status]}</dt>
              <dd className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums" data-testid={`orders-${status}`}>
                {orders[status]}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  )
}
