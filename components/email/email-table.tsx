import Link from "next/link"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { EmailListItem } from "@/lib/email/queries"
import { formatDateTime } from "@/lib/format/dates"
import { DeliveryStatusBadge, EmailStatusBadge } from "./email-badges"

/** A row as both pages read it; the retry and delivery times only the log's own query selects. */
export type EmailRow = Pick<
  EmailListItem,
  "id" | "to" | "subject" | "template" | "status" | "error" | "deliveryStatus" | "createdAt" | "sentAt"
> &
  Partial<Pick<EmailListItem, "attempts" | "nextAttemptAt" | "deliveryAt">>

/** `compact` for the secondary times under a badge: the full time is in the title. */
function When({ date, compact = false, seconds = false }: { date: Date; compact?: boolean; seconds?: boolean }) {
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {formatDateTime(date, compact ? { year: false } : { to: seconds ? "second" : "minute" })}
    </time>
  )
}

type EmailTableProps = {
  emails: EmailRow[]
  /** The table's test id, which each page names its own way. */
  testId: string
  /** The log's own page: a To column, when each was sent, and times to the second. */
  log?: boolean
}

/** Emails, newest first: on /admin/emails (every one queued) and on a customer's page (those to them). */
export function EmailTable({ emails, testId, log = false }: EmailTableProps) {
  return (
    <TableContainer label="Emails">
      <Table data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{log ? "Created / sent" : "Created"}</TableHeaderCell>
            {log ? <TableHeaderCell>To</TableHeaderCell> : null}
            <TableHeaderCell>Subject</TableHeaderCell>
            <TableHeaderCell>Template</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Delivery</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {emails.map((email) => (
            <TableRow key={email.id} data-testid="email-row">
              <TableCell className="whitespace-nowrap tabular-nums">
                <When date={email.createdAt} seconds={log} />
                {log && email.sentAt ? (
                  <span className="block text-xs text-slate-600">
                    sent <When date={email.sentAt} compact />
                  </span>
                ) : null}
              </TableCell>
              {log ? (
                <TableCell className="max-w-56 truncate" title={email.to}>
                  {email.to}
                </TableCell>
              ) : null}
              <TableCell className="min-w-56">
                <Link
                  href={`/dev/mailbox/${email.id}`}
                  className="font-medium text-brand-700 hover:text-brand-800 hover:underline"
                >
                  {email.subject}
                </Link>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                  {email.template}
                </code>
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1 text-xs text-slate-600">
                  <EmailStatusBadge status={email.status} />
                  {email.attempts ? (
                    <span className="tabular-nums">
                      {email.attempts === 1 ? "1 attempt" : `${email.attempts} attempts`}
                    </span>
                  ) : null}
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
                  {email.deliveryAt ? (
                    <span className="text-xs text-slate-600 tabular-nums">
                      <When date={email.deliveryAt} compact />
                    </span>
                  ) : null}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
