import Link from "next/link"
import { formatInstant, formatValue } from "@/components/charts/format"
import { Badge } from "@/components/ui/badge"
import { EmptyState } from "@/components/ui/empty-state"
import { StatCard } from "@/components/ui/stat-card"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { BusinessSection as Business } from "@/lib/monitoring/operations/business"
import type { Section } from "@/lib/monitoring/operations/overview"
import { describeDeadline } from "@/lib/orders/countdown"
import { ORDER_STATUS_LABELS_FOR_STAFF } from "@/lib/orders/format"
import type { OrderQueueItem } from "@/lib/orders/queries"
import { DashboardSection, SubHeading } from "./section"

export function BusinessSection({ section, now }: { section: Section<Business>; now: Date }) {
  return (
    <DashboardSection
      id="business"
      title="Business health"
      description="What customers feel: webhooks we failed to process, email that did not arrive, seats late to be delivered."
      section={section}
    >
      {(data) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            <StatCard
              label="Failed webhooks, last hour"
              value={formatValue(data.failedWebhooks.lastHour, "count")}
              tone={data.failedWebhooks.lastHour > 0 ? "danger" : "default"}
              hint={
                <Link href="/admin/webhooks?status=FAILED" className="underline">
                  {formatValue(data.failedWebhooks.inRange, "count")} in this range
                </Link>
              }
              data-testid="stat-failed-webhooks"
            />
            <StatCard
              label="Email bounces and complaints"
              value={formatValue(data.email.bounced + data.email.complained, "count")}
              tone={data.email.complained > 0 ? "danger" : "default"}
              hint={`${formatValue(data.email.bounced, "count")} bounced, ${formatValue(data.email.complained, "count")} complaints, ${formatValue(data.email.failed, "count")} sends failed`}
              data-testid="stat-email-problems"
            />
            <StatCard
              label="Orders past their deadline"
              value={formatValue(data.deadlines.overdue, "count")}
              tone={data.deadlines.overdue > 0 ? "danger" : "default"}
              hint={`${formatValue(data.deadlines.dueSoon, "count")} more due within 2 hours`}
              data-testid="stat-deadlines"
            />
          </div>
          <div className="flex flex-col gap-3">
            <SubHeading>Orders at their deadline</SubHeading>
            {data.deadlines.items.length === 0 ? (
              <EmptyState as="h3" title="No open order is overdue or due within two hours" />
            ) : (
              <DeadlineTable items={data.deadlines.items} now={now} />
            )}
          </div>
        </>
      )}
    </DashboardSection>
  )
}

function DeadlineTable({ items, now }: { items: OrderQueueItem[]; now: Date }) {
  return (
    <TableContainer label="Orders at their deadline">
      <Table data-testid="ops-deadline-table">
        <caption className="sr-only">Open orders past or within two hours of their deadline, most urgent first</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Customer</TableHeaderCell>
            <TableHeaderCell>Plan</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Deadline</TableHeaderCell>
            <TableHeaderCell>Assignee</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((order) => {
            const deadline = describeDeadline(order.dueAt, now)
            return (
              <TableRow key={order.id}>
                <TableCell>
                  <Link
                    href={`/admin/orders/${encodeURIComponent(order.id)}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {order.customerEmail}
                  </Link>
                </TableCell>
                <TableCell>{order.planName}</TableCell>
                <TableCell>{ORDER_STATUS_LABELS_FOR_STAFF[order.status]}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <Badge tone={deadline.overdue ? "danger" : "warning"}>{deadline.label}</Badge>
                  <span className="mt-1 block text-xs text-slate-600">{formatInstant(order.dueAt)}</span>
                </TableCell>
                <TableCell>{order.assigneeEmail ?? <span className="text-slate-500">unassigned</span>}</TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
