import Link from "next/link"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import { When } from "@/components/ui/when"
import type { CustomerDetail } from "@/lib/customers/queries"

export function auditActorHref(email: string): string {
  return `/admin/audit?${new URLSearchParams({ actor: email }).toString()}`
}

export function CustomerAuditTable({ entries }: { entries: CustomerDetail["audit"] }) {
  return (
    <TableContainer label="Audit entries">
      <Table data-testid="customer-audit-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Time</TableHeaderCell>
            <TableHeaderCell>Actor</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell>Target</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>
                <When date={entry.createdAt} />
              </TableCell>
              <TableCell className="max-w-56 truncate">
                {entry.actorEmail ? (
                  <Link href={auditActorHref(entry.actorEmail)} className="text-brand-700 hover:text-brand-800 hover:underline" title={entry.actorEmail}>
                    {entry.actorEmail}
                  </Link>
                ) : (
                  <span className="text-slate-500">system</span>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{entry.action}</code>
              </TableCell>
              <TableCell className="font-mono text-xs">
                {entry.targetType ? `${entry.targetType}${entry.targetId ? `:${entry.targetId}` : ""}` : <span className="text-slate-500">—</span>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
