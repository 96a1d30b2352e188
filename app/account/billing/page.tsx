import type { Metadata } from "next"
import { PaymentStatusBadge } from "@/components/billing/payment-status-badge"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import { listReceipts } from "@/lib/account/receipts"
import { requireUser } from "@/lib/auth/session"
import { billingMode } from "@/lib/billing/polar"
import { testPaymentMethod } from "@/lib/billing/test-mode/renewals"
import { formatLongDate } from "@/lib/format/dates"
import { formatMoney } from "@/lib/format/money"
import { PolarPaymentMethod } from "./_components/polar-payment-method"
import { TestPaymentMethod } from "./_components/test-payment-method"

export const metadata: Metadata = { title: "Billing" }
export const dynamic = "force-dynamic"

export default async function BillingPage() {
  const user = await requireUser("/account/billing")
  const [receipts, paymentMethod] = await Promise.all([
    listReceipts(user.id),
    billingMode() === "test" ? testPaymentMethod(user.id) : null,
  ])
  return (
    <main
      id="main-content"
      data-testid="billing-page"
      className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12"
    >
      <PageHeader title="Billing" description="Your payment method and every payment on your account, newest first." />
      <div className="mt-8">
        {paymentMethod ? <TestPaymentMethod method={paymentMethod} /> : <PolarPaymentMethod />}
      </div>
      <section aria-labelledby="receipts-heading" className="mt-8">
        <h2 id="receipts-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Receipts
        </h2>
        {receipts.length === 0 ? (
          <EmptyState
            as="h3"
            title="No payments yet"
            description="Your receipts appear here after your first payment."
          />
        ) : (
          <TableContainer label="Receipts">
            <Table data-testid="receipts-table">
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Date</TableHeaderCell>
                  <TableHeaderCell>Description</TableHeaderCell>
                  <TableHeaderCell className="text-right">Amount</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {receipts.map((receipt) => (
                  <TableRow key={receipt.id}>
                    <TableCell>
                      <time dateTime={receipt.paidAt.toISOString()}>{formatLongDate(receipt.paidAt)}</time>
                    </TableCell>
                    <TableCell>{receipt.description}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatMoney(receipt.amountCents, receipt.currency)}
                      {receipt.refundedCents > 0 ? (
                        <span className="block text-xs text-slate-500">
                          −{formatMoney(receipt.refundedCents, receipt.currency)} refunded
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <PaymentStatusBadge status={receipt.status} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </section>
    </main>
  )
}
