import { FeatureStatusBadge } from "@/components/feedback/status-badge"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { StaffBoardItem } from "@/lib/feedback/staff-queries"
import { formatDate } from "@/lib/format/dates"
import { StatusControl } from "./status-control"

export function BoardTable({ items }: { items: StaffBoardItem[] }) {
  return (
    <TableContainer label="Feature requests">
      <Table data-testid="staff-board">
        <caption className="sr-only">Feature requests with their votes, author and status</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Request</TableHeaderCell>
            <TableHeaderCell className="text-right">Votes</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Change status</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id} data-testid="staff-request" data-request-id={item.id}>
              <TableCell className="max-w-md">
                <p className="font-medium break-words text-slate-900">{item.title}</p>
                {item.body ? <p className="mt-1 line-clamp-3 text-xs break-words text-slate-600">{item.body}</p> : null}
                <p className="mt-1 text-xs text-slate-500">
                  {item.authorEmail} · {formatDate(item.createdAt)}
                </p>
              </TableCell>
              <TableCell className="text-right tabular-nums">{item.voteCount.toLocaleString("en-US")}</TableCell>
              <TableCell>
                <FeatureStatusBadge status={item.status} />
                {item.statusChangedAt ? (
                  <span className="mt-1 block text-xs text-slate-500">since {formatDate(item.statusChangedAt)}</span>
                ) : null}
              </TableCell>
              <TableCell>
                <StatusControl requestId={item.id} title={item.title} status={item.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
