import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import { npsCategory } from "@/lib/feedback/scores"
import type { StaffNpsResponse } from "@/lib/feedback/staff-queries"
import { formatDate } from "@/lib/format/dates"

export function NpsTable({ items }: { items: StaffNpsResponse[] }) {
  return (
    <TableContainer label="NPS answers">
      <Table data-testid="staff-nps">
        <caption className="sr-only">NPS answers, newest first; dismissals are not listed</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Score</TableHeaderCell>
            <TableHeaderCell>Comment</TableHeaderCell>
            <TableHeaderCell>Subscriber</TableHeaderCell>
            <TableHeaderCell>Date</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className="whitespace-nowrap">
                <span className="font-semibold tabular-nums">{item.score}</span>
                <span className="block text-xs text-slate-600">{npsCategory(item.score)}</span>
              </TableCell>
              <TableCell className="max-w-lg break-words whitespace-pre-line">
                {item.comment ?? <span className="text-slate-500">no comment</span>}
              </TableCell>
              <TableCell>{item.userEmail}</TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(item.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
