import Link from "next/link"
import { Badge, type BadgeTone } from "@/components/ui/badge"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import { When } from "@/components/ui/when"
import type { EmailStatus } from "@/generated/prisma/enums"
import type { CustomerDetail } from "@/lib/customers/queries"

const STATUSES: Record<EmailStatus, { label: string; tone: BadgeTone }> = {
  OUTBOX: { label: "Outbox", tone: "brand" },
  QUEUED: { label: "Queued", tone: "warning" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
}

export function EmailsTable({ emails }: { emails: CustomerDetail["emails"] }) {
  return (
    <TableContainer label="Emails">
      <Table data-testid="emails-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Created</TableHeaderCell>
            <TableHeaderCell>Subject</TableHeaderCell>
            <TableHeaderCell>Template</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Delivery</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {emails.map((email) => (
            <TableRow key={email.id}>
              <TableCell>
                <When date={email.createdAt} />
              </TableCell>
              <TableCell className="min-w-48">
                <Link href={`/dev/mailbox/${email.id}`} className="text-brand-700 hover:text-brand-800 hover:underline">
                  {email.subject}
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{email.template}</TableCell>
              <TableCell>
                <Badge tone={STATUSES[email.status].tone}>{STATUSES[email.status].label}</Badge>
                {email.error ? <span className="mt-1 block text-xs text-red-700">{email.error}</span> : null}
              </TableCell>
              <TableCell className="whitespace-nowrap">{email.deliveryStatus ?? <span className="text-slate-500">—</span>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
