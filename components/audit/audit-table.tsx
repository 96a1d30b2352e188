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
import type { AuditListItem } from "@/lib/audit/queries"
import { formatDateTime } from "@/lib/format/dates"

/** The audit log filtered to one actor's entries. */
export function auditActorHref(email: string): string {
  return `/admin/audit?${new URLSearchParams({ actor: email }).toString()}`
}

type AuditTableProps = {
  entries: AuditListItem[]
  /** The table's accessible name and test id, which each page names its own way. */
  label: string
  testId: string
  /** The log's own page: a Details column with each entry's metadata, and times to the second. */
  log?: boolean
  /** Link each actor to their own entries in the log. */
  linkActors?: boolean
}

/** Audit entries, newest first: on /admin/audit (the whole log) and on a customer's page (theirs). */
export function AuditTable({ entries, label, testId, log = false, linkActors = false }: AuditTableProps) {
  return (
    <TableContainer label={label}>
      <Table data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Time</TableHeaderCell>
            <TableHeaderCell>Actor</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>Target</TableHeaderCell>
            {log ? <TableHeaderCell>Details</TableHeaderCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id} data-testid="audit-row">
              <TableCell className="whitespace-nowrap tabular-nums">
                <time dateTime={entry.createdAt.toISOString()} title={entry.createdAt.toISOString()}>
                  {formatDateTime(entry.createdAt, { to: log ? "second" : "minute" })}
                </time>
              </TableCell>
              <TableCell className="max-w-56 truncate" title={entry.actorEmail ?? undefined}>
                {entry.actorEmail === null ? (
                  <span className="text-slate-500">system</span>
                ) : linkActors ? (
                  <Link
                    href={auditActorHref(entry.actorEmail)}
                    className="text-brand-700 hover:text-brand-800 hover:underline"
                  >
                    {entry.actorEmail}
                  </Link>
                ) : (
                  entry.actorEmail
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                  {entry.action}
                </code>
              </TableCell>
              <TableCell className="font-mono text-xs">
                {entry.targetType ? (
                  `${entry.targetType}${entry.targetId ? `:${entry.targetId}` : ""}`
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </TableCell>
              {log ? (
                <TableCell className="min-w-48">
                  {entry.metadata === null ? (
                    <span className="text-slate-500">—</span>
                  ) : (
                    <code className="block font-mono text-xs break-all text-slate-700">
                      {JSON.stringify(entry.metadata)}
                    </code>
                  )}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
