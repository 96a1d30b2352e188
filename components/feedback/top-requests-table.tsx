import { EmptyState } from "@/components/ui/empty-state"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { FeatureStatusBadge } from "./status-badge"

export type TopRequest = { id: string; title: string; status: FeatureRequestStatus; voteCount: number }

/** The most-voted feature requests (declined ones left out) with their status. */
export function TopRequestsTable({ requests }: { requests: TopRequest[] }) {
  if (requests.length === 0) return <EmptyState as="h3" title="No feature requests yet" />
  return (
    <TableContainer label="Top feature requests">
      <Table data-testid="top-requests">
        <caption className="sr-only">Feature requests with the most votes, declined ones left out</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Request</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className="text-right">Votes</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {requests.map((request) => (
            <TableRow key={request.id}>
              <TableCell className="break-words">{request.title}</TableCell>
              <TableCell>
                <FeatureStatusBadge status={request.status} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{request.voteCount.toLocaleString("en-US")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
