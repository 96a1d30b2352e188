import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { AuditTable, auditActorHref } from "@/components/audit/audit-table"
import { WebhookDeliveryTable } from "@/components/billing/webhook-delivery-table"
import { EmailTable } from "@/components/email/email-table"
import { PageHeader } from "@/components/ui/page-header"
import { requireStaffSession } from "@/lib/auth/session"
import { DETAIL_LIMITS, getCustomerDetail } from "@/lib/customers/queries"
import { formatLongDate } from "@/lib/format/dates"
import { formatMoney } from "@/lib/format/money"
import { CustomerSummary } from "./_components/customer-summary"
import { DetailSection } from "./_components/detail-section"
import { LedgerTable } from "./_components/ledger-table"
import { OrdersList } from "./_components/orders-list"
import { PaymentsTable } from "./_components/payments-table"
import { StaffActions } from "./_components/staff-actions"
import { SubscriptionsTable } from "./_components/subscriptions-table"

export const metadata: Metadata = { title: "Customer" }
export const dynamic = "force-dynamic"

type CustomerPageProps = { params: Promise<{ id: string }> }

export default async function CustomerPage({ params }: CustomerPageProps) {
  const { id } = await params
  // The layout checks too; a page must not rely on a layout it could be rendered without.
  await requireStaffSession(`/admin/customers/${encodeURIComponent(id)}`)
  const detail = await getCustomerDetail(id)
  if (!detail) notFound()
  const { customer, summary } = detail
  const auditLink = (
    <Link href={auditActorHref(customer.email)} className="text-sm font-medium text-brand-700 hover:text-brand-800">
      Their own actions in the audit log
    </Link>
  )

  return (
    <div className="flex flex-col gap-8" data-testid="customer-detail">
      <div className="flex flex-col gap-4">
        <Link href="/admin/customers" className="self-start text-sm font-medium text-brand-700 hover:text-brand-800">
          <span aria-hidden="true">← </span>All customers
        </Link>
        <PageHeader title={customer.email} description={customer.name ?? "No name given"} className="wrap-anywhere" />
        <CustomerSummary detail={detail} />
        <StaffActions
          customerId={customer.id}
          payments={detail.payments
            .filter((payment) => payment.amountCents > payment.refundedCents)
            .map((payment) => ({
              id: payment.id,
              refundableCents: payment.amountCents - payment.refundedCents,
              label: `${formatLongDate(payment.paidAt)} · ${formatMoney(payment.amountCents - payment.refundedCents, payment.currency)} refundable`,
            }))}
          canCancel={detail.subscriptions.some((sub) => sub.endedAt === null && !sub.cancelAtPeriodEnd)}
        />
      </div>
      <DetailSection
        id="subscriptions"
        title="Subscriptions"
        count={detail.subscriptions.length}
        empty="Never subscribed"
      >
        <SubscriptionsTable subscriptions={detail.subscriptions} />
      </DetailSection>
      <DetailSection
        id="ledger"
        title="Revenue ledger"
        count={detail.ledger.length}
        limit={DETAIL_LIMITS.ledger}
        empty="No MRR changes recorded"
      >
        <LedgerTable rows={detail.ledger} currency={summary.currency} />
      </DetailSection>
      <DetailSection
        id="payments"
        title="Payments"
        count={detail.payments.length}
        limit={DETAIL_LIMITS.payments}
        empty="No payments yet"
      >
        <PaymentsTable payments={detail.payments} />
      </DetailSection>
      <DetailSection
        id="orders"
        title="Orders"
        count={detail.orders.length}
        limit={DETAIL_LIMITS.orders}
        empty="No orders yet"
      >
        <OrdersList orders={detail.orders} />
      </DetailSection>
      <DetailSection
        id="emails"
        title="Emails"
        count={detail.emails.length}
        limit={DETAIL_LIMITS.emails}
        empty="No emails sent to this address"
      >
        <EmailTable emails={detail.emails} testId="emails-table" />
      </DetailSection>
      <DetailSection
        id="webhooks"
        title="Webhook deliveries"
        count={detail.webhooks.length}
        limit={DETAIL_LIMITS.webhooks}
        empty="No webhook deliveries name this customer"
      >
        <WebhookDeliveryTable deliveries={detail.webhooks} testId="webhooks-table" />
      </DetailSection>
      <DetailSection
        id="audit"
        title="Audit"
        count={detail.audit.length}
        limit={DETAIL_LIMITS.audit}
        empty="No audit entries concern this customer"
        action={auditLink}
      >
        <AuditTable entries={detail.audit} label="Audit entries" testId="customer-audit-table" linkActors />
      </DetailSection>
    </div>
  )
}
