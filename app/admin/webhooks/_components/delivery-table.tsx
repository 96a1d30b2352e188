import { format } from "date-fns"
import { Badge, type BadgeTone } from "@/components/ui/badge"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import type { WebhookStatus } from "@/generated/prisma/enums"
import type { DeliveryListItem } from "@/lib/billing/webhooks/queries"
import { ReplayButton } from "./replay-button"

const TONE: Record<WebhookStatus, BadgeTone> = { RECEIVED: "warning", PROCESSED: "success", FAILED: "danger", IGNORED: "neutral" }

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
