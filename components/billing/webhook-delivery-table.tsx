import Link from "next/link"
import type { ReactNode } from "react"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { DeliveryListItem } from "@/lib/billing/webhooks/queries"
import { formatDateTime } from "@/lib/format/dates"
import { WebhookStatusBadge } from "./webhook-status-badge"

/**
 * A row as both pages read it. Polar's event id, the attempts and the subject only the log's own
 * query selects; without the event id the row shows our id.
 */
export type WebhookDeliveryRow = Pick<
  DeliveryListItem,
  "id" | "provider" | "eventType" | "status" | "error" | "receivedAt"
> &
  Partial<Pick<DeliveryListItem, "eventId" | "attempts" | "subjectId" | "subjectAt">>

/** The list filtered to one Polar subscription. */
const subscriptionHref = (subscriptionId: string) =>
  `/admin/webhooks?subscription=${encodeURIComponent(subscriptionId)}`

function When({ date, seconds }: { date: Date; seconds: boolean }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {formatDateTime(date, { to: seconds ? "second" : "minute" })}
    </time>
  )
}

type WebhookDeliveryTableProps<Row extends WebhookDeliveryRow> = {
  deliveries: Row[]
  /** The table's test id, which each page names its own way. */
  testId: string
  /** The log's own page: times to the second. */
  log?: boolean
  /** A last column of controls for a row (the log's replay button); left out, there is no such column. */
  action?: (delivery: Row) => ReactNode
}

/** Webhook deliveries, newest first: on /admin/webhooks (all of them) and on a customer's page (those naming them). */
export function WebhookDeliveryTable<Row extends WebhookDeliveryRow>({
  deliveries,
  testId,
  log = false,
  action,
}: WebhookDeliveryTableProps<Row>) {
  return (
    <TableContainer label="Webhook deliveries">
      <Table data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Received</TableHeaderCell>
            <TableHeaderCell>Event</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Error</TableHeaderCell>
            {action ? (
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {deliveries.map((item) => (
            <TableRow key={item.id} data-testid="delivery-row">
              <TableCell className="whitespace-nowrap tabular-nums">
                <When date={item.receivedAt} seconds={log} />
              </TableCell>
              <TableCell>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                  {item.eventType}
                </code>
                <span
                  className="mt-1 block max-w-64 truncate font-mono text-xs text-slate-500"
                  title={item.eventId ?? item.id}
                >
                  {item.provider} · {item.eventId ?? item.id}
                </span>
                <Subject item={item} seconds={log} />
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1 text-xs text-slate-600">
                  <WebhookStatusBadge status={item.status} />
                  {item.attempts === undefined ? null : (
                    <span className="tabular-nums">
                      {item.attempts === 1 ? "1 attempt" : `${item.attempts} attempts`}
                    </span>
                  )}
                </div>
              </TableCell>
              <TableCell className="max-w-96 text-sm break-words text-red-700">{item.error}</TableCell>
              {action ? <TableCell className="text-right">{action(item)}</TableCell> : null}
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
function Subject({ item, seconds }: { item: WebhookDeliveryRow; seconds: boolean }) {
  if (!item.subjectId) return null
  return (
    <span className="mt-1 flex max-w-64 flex-col text-xs text-slate-600">
      <span className="flex gap-1">
        subscription
        <Link
          href={subscriptionHref(item.subjectId)}
          className="truncate font-mono text-brand-700 hover:text-brand-800 hover:underline"
          title={`Only the deliveries of ${item.subjectId}`}
        >
          {item.subjectId}
        </Link>
      </span>
      {item.subjectAt ? (
        <span className="whitespace-nowrap tabular-nums">
          state of <When date={item.subjectAt} seconds={seconds} />
        </span>
      ) : null}
    </span>
  )
}
