import { Badge } from "@/components/ui/badge"
import { ConfirmButton } from "@/components/ui/confirm-button"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { SessionListItem } from "@/lib/auth/sessions"
import { formatDateTime } from "@/lib/format/dates"

/** The signed-in user's sessions; every one but the current can be ended from here. */
export function SessionTable({ sessions }: { sessions: SessionListItem[] }) {
  return (
    <TableContainer label="Your sessions">
      <Table data-testid="session-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Device</TableHeaderCell>
            <TableHeaderCell>Signed in</TableHeaderCell>
            <TableHeaderCell>Last seen</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sessions.map((session) => (
            <TableRow key={session.id} data-testid="session-row">
              <TableCell className="font-medium text-slate-900">
                <span title={session.userAgent ?? undefined}>{session.device}</span>
                {session.current ? (
                  <Badge tone="success" className="ml-2">
                    This browser
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDateTime(session.createdAt)}</TableCell>
              <TableCell className="whitespace-nowrap">{formatDateTime(session.lastSeenAt)}</TableCell>
              <TableCell className="text-right">
                {session.current ? null : (
                  <ConfirmButton
                    path={`/api/account/sessions/${encodeURIComponent(session.id)}`}
                    method="DELETE"
                    confirmLabel="End it now"
                    pendingLabel="Ending…"
                    ariaLabel={`End the session on ${session.device}, last seen ${formatDateTime(session.lastSeenAt)}`}
                    testId="end-session"
                  >
                    End
                  </ConfirmButton>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
