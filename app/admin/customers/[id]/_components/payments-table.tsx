import { PaymentStatusBadge } from "@/components/billing/payment-status-badge"
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
import type { CustomerDetail } from "@/lib/customers/queries"
import { formatMoney } from "@/lib/format/money"

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
              <TableCell className="whitespace-nowrap">
                {REASONS[payment.billingReason] ?? payment.billingReason}
              </TableCell>
              <TableCell>
                <PaymentStatusBadge status={payment.status} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(payment.amountCents, payment.currency)}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {payment.refundedCents > 0 ? (
                  formatMoney(payment.refundedCents, payment.currency)
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </TableCell>
              <TableCell className="font-mono text-xs">{payment.polarOrderId}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
