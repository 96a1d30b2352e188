"use client"

import Link from "next/link"
import { useState } from "react"
import { DeadlineCountdown } from "@/components/orders/deadline-countdown"
import { OrderStatusBadge } from "@/components/orders/order-status-badge"
import { ActionButton } from "@/components/ui/action-button"
import { Badge } from "@/components/ui/badge"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import { useMutation } from "@/components/ui/use-mutation"
import { formatOrderDayAndClock, formatOrderTime } from "@/lib/orders/format"
import type { OrderQueueItem } from "@/lib/orders/queries"
import { isOpenOrder } from "@/lib/orders/rules"
import { cn } from "@/lib/utils/cn"
import { AssignButton } from "./assign-button"

type Props = { items: OrderQueueItem[]; viewerId: string; now: Date }

/** The queue's rows with a live deadline, "Assign to me", and bulk assignment of the ticked rows. */
export function OrderQueueTable({ items, viewerId, now }: Props) {
  const assignable = items
    .filter((item) => isOpenOrder(item.status) && item.assigneeId !== viewerId)
    .map((item) => item.id)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [done, setDone] = useState<string | null>(null)
  const { pending, error, mutate } = useMutation<{ count: number }>({
    refresh: true,
    onSuccess: ({ count }) => {
      setDone(count === 1 ? "1 order assigned to you." : `${count} orders assigned to you.`)
      setSelected(new Set())
    },
  })
  const picked = assignable.filter((id) => selected.has(id))
  const allPicked = assignable.length > 0 && picked.length === assignable.length

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })

  function assignSelected() {
    setDone(null)
    void mutate("/api/admin/orders/assign", { body: { orderIds: picked } })
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton
          size="sm"
          onClick={assignSelected}
          disabled={pending || picked.length === 0}
          data-testid="assign-selected"
        >
          {pending ? "Assigning…" : `Assign selected to me${picked.length ? ` (${picked.length})` : ""}`}
        </ActionButton>
        <p aria-live="polite" className={cn("text-sm", error ? "text-red-700" : "text-slate-600")}>
          {error?.message ?? done ?? ""}
        </p>
      </div>
      <TableContainer label="Orders">
        <Table data-testid="orders-table">
          <TableHead>
            <TableRow>
              <TableHeaderCell className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select every order on this page that can be assigned to you"
                  checked={allPicked}
                  disabled={assignable.length === 0}
                  onChange={() => setSelected(allPicked ? new Set() : new Set(assignable))}
                  className="size-4 accent-brand-600"
                />
              </TableHeaderCell>
              <TableHeaderCell>Customer</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Paid</TableHeaderCell>
              <TableHeaderCell>Deadline</TableHeaderCell>
              <TableHeaderCell>Assignee</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => {
              const canAssign = assignable.includes(item.id)
              return (
                <TableRow
                  key={item.id}
                  data-testid="order-row"
                  data-order-id={item.id}
                  data-overdue={item.overdue || undefined}
                  className={cn(item.overdue && "bg-red-50/70 hover:bg-red-50")}
                >
                  <TableCell>
                    {canAssign ? (
                      <input
                        type="checkbox"
                        aria-label={`Select the order of ${item.customerEmail}`}
                        checked={selected.has(item.id)}
                        onChange={() => toggle(item.id)}
                        className="size-4 accent-brand-600"
                        data-testid="order-select"
                      />
                    ) : null}
                  </TableCell>
                  <TableCell className="max-w-56">
                    <Link
                      href={`/admin/orders/${item.id}`}
                      className="block truncate font-medium text-brand-700 hover:underline"
                      title={item.customerEmail}
                      data-testid="order-link"
                    >
                      {item.customerEmail}
                    </Link>
                    <span className="text-xs text-slate-600">{item.planName}</span>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      <OrderStatusBadge
                        status={item.status}
                        audience="staff"
                        className="whitespace-nowrap"
                        data-testid="order-status"
                      />
                      {item.releaseDue ? (
                        <Badge tone="danger" className="whitespace-nowrap">
                          Release due
                        </Badge>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell>
                    <Moment date={item.paidAt} />
                  </TableCell>
                  <TableCell>{deadlineCell(item, now)}</TableCell>
                  <TableCell className="max-w-48">
                    <span
                      className="block truncate"
                      title={item.assigneeEmail ?? undefined}
                      data-testid="order-assignee"
                    >
                      {item.assigneeEmail ?? <span className="text-slate-500">Unassigned</span>}
                    </span>
                    {canAssign ? (
                      <div className="mt-1.5">
                        <AssignButton orderId={item.id} />
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </div>
  )
}

function deadlineCell(item: OrderQueueItem, now: Date) {
  if (isOpenOrder(item.status)) return <DeadlineCountdown dueAt={item.dueAt} now={now} />
  if (item.fulfilledAt) {
    return (
      <span className="text-slate-600">
        delivered <Moment date={item.fulfilledAt} />
      </span>
    )
  }
  return <span className="text-slate-500">—</span>
}

function Moment({ date }: { date: Date }) {
  const { day, clock } = formatOrderDayAndClock(date)
  return (
    <time dateTime={date.toISOString()} title={formatOrderTime(date)} className="block whitespace-nowrap tabular-nums">
      {day}
      <span className="block text-xs text-slate-600">{clock}</span>
    </time>
  )
}
