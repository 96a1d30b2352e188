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
import { When } from "@/components/ui/when"
import type { ErrorGroupListItem } from "@/lib/monitoring/errors/queries"
import { ErrorStatusBadges } from "./error-status-badge"
import { StatusButtons } from "./status-buttons"

/** One row per error group: what, how often, since when, whom it hit, and the triage buttons. */
export function ErrorGroupTable({ items }: { items: ErrorGroupListItem[] }) {
  return (
    <TableContainer label="Error groups">
      <Table data-testid="error-group-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Error</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className="text-right">Count</TableHeaderCell>
            <TableHeaderCell className="text-right">Users</TableHeaderCell>
            <TableHeaderCell>First seen</TableHeaderCell>
            <TableHeaderCell>Last seen</TableHeaderCell>
            <TableHeaderCell>Route · release</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id} data-testid="error-group-row">
              <TableCell className="max-w-md">
                <Link
                  href={`/admin/errors/${encodeURIComponent(item.id)}`}
                  className="font-medium break-words text-brand-700 hover:underline"
                >
                  {item.name}: {item.message.length > 160 ? `${item.message.slice(0, 160)}…` : item.message}
                </Link>
                <span
                  className="mt-1 block truncate font-mono text-xs text-slate-500"
                  title={item.topFrame ?? undefined}
                >
                  {item.source} · {item.topFrame ?? "no stack"}
                </span>
              </TableCell>
              <TableCell>
                <ErrorStatusBadges status={item.status} regressedAt={item.regressedAt} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{item.count.toLocaleString("en-US")}</TableCell>
              <TableCell className="text-right tabular-nums">{item.affectedUsers.toLocaleString("en-US")}</TableCell>
              <TableCell>
                <When date={item.firstSeenAt} />
              </TableCell>
              <TableCell>
                <When date={item.lastSeenAt} />
              </TableCell>
              <TableCell className="max-w-56 text-xs text-slate-600">
                <span className="block truncate font-mono" title={item.route ?? undefined}>
                  {item.route ?? "—"}
                </span>
                <span className="block truncate font-mono" title={item.release ?? undefined}>
                  {item.release ?? "—"}
                </span>
              </TableCell>
              <TableCell className="text-right">
                <StatusButtons
                  groupId={item.id}
                  status={item.status}
                  label={`${item.name}: ${item.message.slice(0, 60)}`}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
