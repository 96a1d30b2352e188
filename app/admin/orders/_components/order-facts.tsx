import type { ReactNode } from "react"
import { DeadlineCountdown } from "@/components/orders/deadline-countdown"
import { Badge } from "@/components/ui/badge"
import { formatMoney } from "@/lib/format/money"
import { formatOrderTime } from "@/lib/orders/format"
import type { OrderDetail } from "@/lib/orders/queries"
import { isOpenOrder } from "@/lib/orders/rules"

const when = (date: Date | null) =>
  date ? <time dateTime={date.toISOString()}>{formatOrderTime(date)}</time> : <span className="text-slate-500">—</span>

export function OrderFacts({ order, now }: { order: OrderDetail; now: Date }) {
  const facts: Array<[string, ReactNode]> = [
    [
      "Customer",
      <span key="c" className="break-all" data-testid="order-customer">
        {order.customer.email}
        {order.customer.name ? ` (${order.customer.name})` : ""}
      </span>,
    ],
    ["Plan", `${order.planName} · ${formatMoney(order.amountCents, order.currency)}`],
    ["Subscription", order.subscription.status.toLowerCase().replace("_", " ")],
    ["Paid", when(order.paidAt)],
    [
      "Deadline",
      isOpenOrder(order.status) ? (
        <span key="d" className="flex flex-col">
          {when(order.dueAt)}
          <DeadlineCountdown dueAt={order.dueAt} now={now} />
        </span>
      ) : (
        when(order.dueAt)
      ),
    ],
    [
      "Assignee",
      <span key="a" data-testid="order-detail-assignee">
        {order.assigneeEmail ?? "Unassigned"}
      </span>,
    ],
    ["Fulfilled", when(order.fulfilledAt)],
    ["Credentials stored", order.hasCredentials ? "Yes (encrypted)" : "No"],
  ]
  if (order.releaseDueAt)
    facts.push(["Release requested", when(order.releaseDueAt)], ["Released", when(order.releasedAt)])
  if (order.refundedAt) facts.push(["Refunded", when(order.refundedAt)])
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="mt-1 text-sm font-medium text-slate-900">{value}</dd>
        </div>
      ))}
      {order.releaseDue ? (
        <div className="sm:col-span-2">
          <Badge tone="danger">Seat release due</Badge>
        </div>
      ) : null}
    </dl>
  )
}
