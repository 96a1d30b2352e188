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
import type { CustomerListItem } from "@/lib/customers/queries"
import { formatMoney } from "@/lib/format/money"
import { SubscriptionStatusBadge } from "./subscription-status-badge"

const none = <span className="text-slate-500">—</span>

export function CustomersTable({ items }: { items: CustomerListItem[] }) {
  return (
    <TableContainer label="Customers">
      <Table data-testid="customers-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Email</TableHeaderCell>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Plan</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className="text-right">MRR</TableHeaderCell>
            <TableHeaderCell className="text-right">Orders</TableHeaderCell>
            <TableHeaderCell>Joined</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((customer) => (
            <TableRow key={customer.id} data-testid="customer-row">
              <TableCell className="max-w-72 truncate">
                <Link
                  href={`/admin/customers/${customer.id}`}
                  className="font-medium text-brand-700 hover:text-brand-800 hover:underline"
                  title={customer.email}
                >
                  {customer.email}
                </Link>
              </TableCell>
              <TableCell className="max-w-48 truncate">{customer.name ?? none}</TableCell>
              <TableCell className="whitespace-nowrap">{customer.planName ?? none}</TableCell>
              <TableCell>
                <SubscriptionStatusBadge status={customer.status} cancelAtPeriodEnd={customer.cancelAtPeriodEnd} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(customer.mrrCents, customer.currency)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{customer.ordersCount}</TableCell>
              <TableCell>
                <When date={customer.createdAt} as="date" />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
