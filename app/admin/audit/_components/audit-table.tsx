import { format } from "date-fns"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import type { AuditListItem } from "@/lib/audit/queries"

export function AuditTable({ items }: { items: AuditListItem[] }) {
  return (
    <TableContainer label="Audit log entries">
      <Table data-testid="audit-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Time</TableHeaderCell>
            <TableHeaderCell>Actor</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>Target</TableHeaderCell>
            <TableHeaderCell>Details</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.id} data-testid="audit-row">
              <TableCell className="whitespace-nowrap tabular-nums">
                <time dateTime={entry.createdAt.toISOString()} title={entry.createdAt.toISOString()}>
                  {format(entry.createdAt, "d MMM yyyy, HH:mm:ss")}
                </time>
              </TableCell>
              <TableCell className="max-w-56 truncate" title={entry.actorEmail ?? undefined}>
                {entry.actorEmail ?? <span className="text-slate-500">system</span>}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{entry.action}</code>
              </TableCell>
              <TableCell className="font-mono text-xs">
                {entry.targetType ? `${entry.targetType}${entry.targetId ? `:${entry.targetId}` : ""}` : <span className="text-slate-500">—</span>}
              </TableCell>
              <TableCell className="min-w-48">
                {entry.metadata === null ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <code className="block font-mono text-xs break-all text-slate-700">{JSON.stringify(entry.metadata)}</code>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
