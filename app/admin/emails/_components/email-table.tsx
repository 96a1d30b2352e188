import { format } from "date-fns"
import Link from "next/link"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import type { EmailListItem } from "@/lib/email/queries"
import { DeliveryStatusBadge, EmailStatusBadge } from "./email-badges"

/** `compact` for the secondary times under a badge: the full time is in the title. */
function When({ date, compact = false }: { date: Date; compact?: boolean }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {format(date, compact ? "d MMM, HH:mm" : "d MMM yyyy, HH:mm:ss")}
    </time>
  )
}

export function EmailTable({ items }: { items: EmailListItem[] }) {
  return (
    <TableContainer label="Emails">
      <Table data-testid="email-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Created / sent</TableHeaderCell>
            <TableHeaderCell>To</TableHeaderCell>
            <TableHeaderCell>Subject</TableHeaderCell>
            <TableHeaderCell>Template</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Delivery</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((email) => (
            <TableRow key={email.id} data-testid="email-row">
              <TableCell className="whitespace-nowrap tabular-nums">
                <When date={email.createdAt} />
                {email.sentAt ? (
                  <span className="block text-xs text-slate-600">
                    sent <When date={email.sentAt} compact />
                  </span>
                ) : null}
              </TableCell>
              <TableCell className="max-w-56 truncate" title={email.to}>
                {email.to}
              </TableCell>
              <TableCell className="min-w-56">
                <Link href={`/dev/mailbox/${email.id}`} className="font-medium text-brand-700 hover:text-brand-800 hover:underline">
                  {email.subject}
                </Link>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{email.template}</code>
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1 text-xs text-slate-600">
                  <EmailStatusBadge status={email.status} />
                  {email.attempts > 0 ? <span className="tabular-nums">{email.attempts === 1 ? "1 attempt" : `${email.attempts} attempts`}</span> : null}
                  {email.status === "QUEUED" && email.nextAttemptAt ? (
                    <span className="whitespace-nowrap tabular-nums">
                      next <When date={email.nextAttemptAt} compact />
                    </span>
                  ) : null}
                  {email.error ? <span className="max-w-64 break-words text-red-700">{email.error}</span> : null}
                </div>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <div className="flex flex-col items-start gap-1">
                  <DeliveryStatusBadge status={email.deliveryStatus} />
                  {email.deliveryAt ? <span className="text-xs text-slate-600 tabular-nums"><When date={email.deliveryAt} compact /></span> : null}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
