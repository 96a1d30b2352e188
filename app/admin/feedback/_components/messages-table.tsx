import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import { CSAT_LABELS } from "@/lib/feedback/format"
import type { StaffFeedbackMessage } from "@/lib/feedback/staff-queries"
import { formatDate } from "@/lib/format/dates"

export function MessagesTable({ items }: { items: StaffFeedbackMessage[] }) {
  return (
    <TableContainer label="Feedback messages">
      <Table data-testid="staff-messages">
        <caption className="sr-only">
          Messages from the feedback form, newest first, with their satisfaction rating
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Rating</TableHeaderCell>
            <TableHeaderCell>Message</TableHeaderCell>
            <TableHeaderCell>From</TableHeaderCell>
            <TableHeaderCell>Date</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="whitespace-nowrap">
                {item.rating === null ? (
                  <span className="text-slate-500">none</span>
                ) : (
                  <>
                    <span className="font-semibold tabular-nums">{item.rating}/5</span>
                    <span className="block text-xs text-slate-600">
                      {CSAT_LABELS[item.rating as keyof typeof CSAT_LABELS]}
                    </span>
                  </>
                )}
              </TableCell>
              <TableCell className="max-w-lg break-words whitespace-pre-line">{item.message}</TableCell>
              <TableCell>
                <span className="block">{item.userEmail}</span>
                {item.page ? <span className="block text-xs text-slate-500">on {item.page}</span> : null}
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(item.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
