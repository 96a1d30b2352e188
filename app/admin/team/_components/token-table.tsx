import { format } from "date-fns"
import { Badge } from "@/components/ui/badge"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import type { ApiTokenListItem } from "@/lib/auth/tokens"
import { RevokeTokenButton } from "./revoke-token-button"

type TokenTableProps = { tokens: ApiTokenListItem[]; canManage: boolean }

export function TokenTable({ tokens, canManage }: TokenTableProps) {
  return (
    <TableContainer label="API tokens">
      <Table data-testid="token-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Token</TableHeaderCell>
            <TableHeaderCell>Owner</TableHeaderCell>
            <TableHeaderCell>Created</TableHeaderCell>
            <TableHeaderCell>Last used</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            {canManage ? (
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {tokens.map((token) => (
            <TableRow key={token.id} data-testid="token-row">
              <TableCell className="font-medium text-slate-900">{token.name}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {token.prefix}
                <span aria-hidden="true">…</span>
              </TableCell>
              <TableCell>{token.user.email}</TableCell>
              <TableCell className="whitespace-nowrap">{format(token.createdAt, "d MMM yyyy")}</TableCell>
              <TableCell className="whitespace-nowrap">
                {token.lastUsedAt ? format(token.lastUsedAt, "d MMM yyyy, HH:mm") : <span className="text-slate-500">Never</span>}
              </TableCell>
              <TableCell>
                {token.revokedAt ? (
                  <Badge tone="neutral" title={`Revoked ${format(token.revokedAt, "d MMM yyyy, HH:mm")}`}>
                    Revoked
                  </Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </TableCell>
              {canManage ? (
                <TableCell className="text-right">
                  {token.revokedAt ? null : <RevokeTokenButton tokenId={token.id} tokenName={token.name} />}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
