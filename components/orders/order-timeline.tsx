import type { OrderEventType } from "@/generated/prisma/enums"
import { formatOrderTime, ORDER_EVENT_LABELS, ORDER_EVENT_LABELS_FOR_SUBSCRIBER } from "@/lib/orders/format"
import { cn } from "@/lib/utils/cn"

export type TimelineEntry = {
  id: string
  type: OrderEventType
  at: Date
  actorEmail?: string | null
  note?: string | null
}

const DOT: Partial<Record<OrderEventType, string>> = {
  FULFILLED: "bg-emerald-600",
  RELEASED: "bg-slate-500",
  REFUNDED: "bg-amber-600",
  CANCELED: "bg-red-600",
}

/**
 * An order's history, oldest first. Staff see who did each step and its note; subscribers get the
 * same steps in their own words, without staff names.
 */
export function OrderTimeline({ events, audience }: { events: TimelineEntry[]; audience: "staff" | "subscriber" }) {
  const labels = audience === "staff" ? ORDER_EVENT_LABELS : ORDER_EVENT_LABELS_FOR_SUBSCRIBER
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing has happened to this order yet.</p>
  return (
    <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-5" data-testid="order-timeline">
      {events.map((event) => (
        <li key={event.id} className="relative" data-testid="timeline-event" data-type={event.type}>
          <span
            aria-hidden="true"
            className={cn(
              "absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full ring-4 ring-white",
              DOT[event.type] ?? "bg-brand-600",
            )}
          />
          <p className="text-sm font-medium text-slate-900">{labels[event.type]}</p>
          <p className="text-xs text-slate-600">
            <time dateTime={event.at.toISOString()} title={event.at.toISOString()}>
              {formatOrderTime(event.at)}
            </time>
            {audience === "staff" && event.actorEmail ? <> · by {event.actorEmail}</> : null}
            {audience === "staff" && event.note ? <> · {event.note}</> : null}
          </p>
        </li>
      ))}
    </ol>
  )
}
