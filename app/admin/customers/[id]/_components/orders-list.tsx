import Link from "next/link"
import type { ReactNode } from "react"
import { OrderStatusBadge } from "@/components/orders/order-status-badge"
import { When } from "@/components/ui/when"
import type { CustomerDetail } from "@/lib/customers/queries"
import { formatMoney } from "@/lib/format/money"

type Order = CustomerDetail["orders"][number]

/** Each order with its facts and its timeline, oldest event first. */
export function OrdersList({ orders }: { orders: CustomerDetail["orders"] }) {
  return (
    <ul className="flex flex-col gap-4" data-testid="customer-orders">
      {orders.map((order) => (
        <li
          key={order.id}
          data-testid="customer-order"
          className="rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:p-5"
        >
          <OrderCard order={order} />
        </li>
      ))}
    </ul>
  )
}

function OrderCard({ order }: { order: Order }) {
  const headingId = `order-${order.id}`
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold text-slate-900">
          <Link href={`/admin/orders/${order.id}`} className="text-brand-700 hover:text-brand-800 hover:underline">
            {order.planName} order <span className="font-mono text-xs font-normal">{order.id}</span>
          </Link>
        </h3>
        <OrderStatusBadge status={order.status} audience="subscriber" />
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <Fact term="Amount">{formatMoney(order.amountCents, order.currency)}</Fact>
        <Fact term="Paid">
          <When date={order.paidAt} />
        </Fact>
        <Fact term="Due">
          <When date={order.dueAt} />
        </Fact>
        <Fact term="Fulfilled">
          <When date={order.fulfilledAt} />
        </Fact>
        <Fact term="Assignee">{order.assigneeEmail ?? <span className="text-slate-500">—</span>}</Fact>
        {order.releaseDueAt ? (
          <Fact term="Release due">
            <When date={order.releaseDueAt} />
          </Fact>
        ) : null}
        {order.releasedAt ? (
          <Fact term="Released">
            <When date={order.releasedAt} />
          </Fact>
        ) : null}
        {order.refundedAt ? (
          <Fact term="Refunded">
            <When date={order.refundedAt} />
          </Fact>
        ) : null}
      </dl>
      {order.events.length > 0 ? (
        <ol
          aria-label={`Timeline of order ${order.id}`}
          className="flex flex-col gap-2 border-l-2 border-slate-200 pl-4 text-sm"
          data-testid="order-timeline"
        >
          {order.events.map((event) => (
            <li key={event.id}>
              <span className="font-medium text-slate-900">{event.type.replaceAll("_", " ").toLowerCase()}</span>
              {" · "}
              <When date={event.at} />
              {event.actorEmail ? <span className="text-slate-600"> · {event.actorEmail}</span> : null}
              {event.note ? <p className="text-slate-700">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">No timeline events recorded.</p>
      )}
    </article>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-600">{term}</dt>
      <dd className="truncate text-slate-900">{children}</dd>
    </div>
  )
}
