import { RoleBadge } from "@/components/auth/role-badge"
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
import type { TeamMember } from "@/lib/auth/team"
import { formatDate } from "@/lib/format/dates"

export function TeamTable({ members }: { members: TeamMember[] }) {
  return (
    <TableContainer label="Team members">
      <Table data-testid="team-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Member</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Two-factor</TableHeaderCell>
            <TableHeaderCell>Joined</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {members.map((member) => (
            <TableRow key={member.id} data-testid="team-row">
              <TableCell>
                <span className="block font-medium text-slate-900">{member.email}</span>
                {member.name ? <span className="block text-xs text-slate-600">{member.name}</span> : null}
              </TableCell>
              <TableCell>
                <RoleBadge role={member.role} />
              </TableCell>
              <TableCell>
                {member.mfaEnrolled ? <Badge tone="success">Set up</Badge> : <Badge tone="warning">Not set up</Badge>}
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(member.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
