import { Badge, type BadgeTone } from "@/components/ui/badge"
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
import type { ChangeKind } from "@/generated/prisma/enums"
import type { CustomerDetail } from "@/lib/customers/queries"
import { formatMoney } from "@/lib/format/money"
import { SignedMoney } from "./money"

const KINDS: Record<ChangeKind, { label: string; tone: BadgeTone }> = {
  NEW: { label: "New", tone: "success" },
  EXPANSION: { label: "Expansion", tone: "success" },
  CONTRACTION: { label: "Contraction", tone: "warning" },
  CHURN: { label: "Churn", tone: "danger" },
  REACTIVATION: { label: "Reactivation", tone: "brand" },
}

export function LedgerTable({ rows, currency }: { rows: CustomerDetail["ledger"]; currency: string }) {
  return (
    <TableContainer label="Revenue ledger">
      <Table data-testid="ledger-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Effective</TableHeaderCell>
            <TableHeaderCell>Change</TableHeaderCell>
            <TableHeaderCell>Plan</TableHeaderCell>
            <TableHeaderCell className="text-right">MRR change</TableHeaderCell>
            <TableHeaderCell className="text-right">MRR after</TableHeaderCell>
            <TableHeaderCell>Reason</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="ledger-row">
              <TableCell>
                <When date={row.effectiveAt} />
              </TableCell>
              <TableCell>
                <Badge tone={KINDS[row.kind].tone}>{KINDS[row.kind].label}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap">{row.planName}</TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <SignedMoney cents={row.mrrDeltaCents} currency={currency} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(row.mrrAfterCents, currency)}
              </TableCell>
              <TableCell className="min-w-40 text-slate-700">
                {row.reason ?? <span className="text-slate-500">—</span>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
