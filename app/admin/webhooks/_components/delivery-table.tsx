import { format } from "date-fns"
import Link from "next/link"
import { Badge, type BadgeTone } from "@/components/ui/badge"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import type { WebhookStatus } from "@/generated/prisma/enums"
import type { DeliveryListItem } from "@/lib/billing/webhooks/queries"
import { ReplayButton } from "./replay-button"

const TONE: Record<WebhookStatus, BadgeTone> = { RECEIVED: "warning", PROCESSED: "success", FAILED: "danger", IGNORED: "neutral" }

/** The list filtered to one Polar subscription. */
const subscriptionHref = (subscriptionId: string) => `/admin/webhooks?subscription=${encodeURIComponent(subscriptionId)}`

function When({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {format(date, "d MMM yyyy, HH:mm:ss")}
    </time>
  )
}

/** Staff may replay what has not been processed: failed (or stuck) deliveries of event types we act on. */
export function DeliveryTable({ items, canReplay }: { items: DeliveryListItem[]; canReplay: (item: DeliveryListItem) => boolean }) {
  return (
    <TableContainer label="Webhook deliveries">
      <Table data-testid="delivery-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Received</TableHeaderCell>
            <TableHeaderCell>Event</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Error</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id} data-testid="delivery-row">
              <TableCell className="whitespace-nowrap tabular-nums">
                <When date={item.receivedAt} />
              </TableCell>
              <TableCell>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{item.eventType}</code>
                <span className="mt-1 block max-w-64 truncate font-mono text-xs text-slate-500" title={item.eventId}>
                  {item.provider} · {item.eventId}
                </span>
                <Subject item={item} />
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1 text-xs text-slate-600">
                  <Badge tone={TONE[item.status]}>{item.status.toLowerCase()}</Badge>
                  <span className="tabular-nums">{item.attempts === 1 ? "1 attempt" : `${item.attempts} attempts`}</span>
                </div>
              </TableCell>
              <TableCell className="max-w-96 text-sm break-words text-red-700">{item.error}</TableCell>
              <TableCell className="text-right">{canReplay(item) ? <ReplayButton deliveryId={item.id} eventType={item.eventType} /> : null}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

/**
 * The Polar subscription the event is about (a link to the list of its deliveries), and Polar's
 * instant of the state it carries: a subscription's failed deliveries are replayed in that order.
 */
function Subject({ item }: { item: DeliveryListItem }) {
  if (!item.subjectId) return null
  return (
    <span className="mt-1 flex max-w-64 flex-col text-xs text-slate-600">
      <span className="flex gap-1">
        subscription
        <Link href={subscriptionHref(item.subjectId)} className="truncate font-mono text-brand-700 hover:text-brand-800 hover:underline" title={`Only the deliveries of ${item.subjectId}`}>
          {item.subjectId}
        </Link>
      </span>
      {item.subjectAt ? (
        <span className="whitespace-nowrap tabular-nums">
          state of <When date={item.subjectAt} />
        </span>
      ) : null}
    </span>
  )
}
