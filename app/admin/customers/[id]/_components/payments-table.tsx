import { Badge, type BadgeTone } from "@/components/ui/badge"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import { When } from "@/components/ui/when"
import type { PaymentStatus } from "@/generated/prisma/enums"
import { formatMoney } from "@/lib/billing/format"
import type { CustomerDetail } from "@/lib/customers/queries"

const STATUSES: Record<PaymentStatus, { label: string; tone: BadgeTone }> = {
  PAID: { label: "Paid", tone: "success" },
  PARTIALLY_REFUNDED: { label: "Partly refunded", tone: "warning" },
  REFUNDED: { label: "Refunded", tone: "neutral" },
}

const REASONS: Record<string, string> = {
  purchase: "Purchase",
  subscription_create: "New subscription",
  subscription_cycle: "Renewal",
  subscription_update: "Plan change",
}

export function PaymentsTable({ payments }: { payments: CustomerDetail["payments"] }) {
  return (
    <TableContainer label="Payments">
      <Table data-testid="payments-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Paid</TableHeaderCell>
            <TableHeaderCell>Reason</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className="text-right">Amount</TableHeaderCell>
            <TableHeaderCell className="text-right">Refunded</TableHeaderCell>
            <TableHeaderCell>Polar order</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {payments.map((payment) => (
            <TableRow key={payment.id}>
              <TableCell>
                <When date={payment.paidAt} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{REASONS[payment.billingReason] ?? payment.billingReason}</TableCell>
              <TableCell>
                <Badge tone={STATUSES[payment.status].tone}>{STATUSES[payment.status].label}</Badge>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatMoney(payment.amountCents, payment.currency)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {payment.refundedCents > 0 ? formatMoney(payment.refundedCents, payment.currency) : <span className="text-slate-500">—</span>}
              </TableCell>
              <TableCell className="font-mono text-xs">{payment.polarOrderId}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
