import { Badge, type BadgeTone } from "@/components/ui/badge"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import { When } from "@/components/ui/when"
import type { WebhookStatus } from "@/generated/prisma/enums"
import type { CustomerDetail } from "@/lib/customers/queries"

const STATUSES: Record<WebhookStatus, { label: string; tone: BadgeTone }> = {
  RECEIVED: { label: "Received", tone: "warning" },
  PROCESSED: { label: "Processed", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  IGNORED: { label: "Ignored", tone: "neutral" },
}

export function WebhooksTable({ webhooks }: { webhooks: CustomerDetail["webhooks"] }) {
  return (
    <TableContainer label="Webhook deliveries">
      <Table data-testid="webhooks-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Received</TableHeaderCell>
            <TableHeaderCell>Event</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Error</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {webhooks.map((delivery) => (
            <TableRow key={delivery.id}>
              <TableCell>
                <When date={delivery.receivedAt} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <code className="font-mono text-xs">{delivery.eventType}</code>
                <span className="block text-xs text-slate-600">
                  {delivery.provider} · <span className="font-mono">{delivery.id}</span>
                </span>
              </TableCell>
              <TableCell>
                <Badge tone={STATUSES[delivery.status].tone}>{STATUSES[delivery.status].label}</Badge>
              </TableCell>
              <TableCell className="min-w-48 text-xs break-all text-red-700">{delivery.error ?? <span className="text-slate-500">—</span>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
