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
import { formatPlanPrice } from "@/lib/billing/format"
import type { CustomerDetail } from "@/lib/customers/queries"
import { formatMoney } from "@/lib/format/money"
import { SubscriptionStatusBadge } from "../../_components/subscription-status-badge"

export function SubscriptionsTable({ subscriptions }: { subscriptions: CustomerDetail["subscriptions"] }) {
  return (
    <TableContainer label="Subscriptions">
      <Table data-testid="subscriptions-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Plan</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className="text-right">MRR</TableHeaderCell>
            <TableHeaderCell>Started</TableHeaderCell>
            <TableHeaderCell>Current period</TableHeaderCell>
            <TableHeaderCell>Canceled</TableHeaderCell>
            <TableHeaderCell>Ended</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {subscriptions.map((sub) => (
            <TableRow key={sub.id}>
              <TableCell className="whitespace-nowrap">
                <span className="font-medium">{sub.plan.name}</span>
                <span className="block text-xs text-slate-600">{formatPlanPrice(sub.plan)}</span>
              </TableCell>
              <TableCell>
                <SubscriptionStatusBadge
                  status={sub.status}
                  cancelAtPeriodEnd={sub.cancelAtPeriodEnd}
                  endedAt={sub.endedAt}
                />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(sub.mrrCents, sub.plan.currency)}
              </TableCell>
              <TableCell>
                <When date={sub.startedAt} as="date" />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <When date={sub.currentPeriodStart} as="date" /> – <When date={sub.currentPeriodEnd} as="date" />
              </TableCell>
              <TableCell>
                <When date={sub.canceledAt} as="date" />
              </TableCell>
              <TableCell>
                <When date={sub.endedAt} as="date" />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
