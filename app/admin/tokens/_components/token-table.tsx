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
import { When } from "@/components/ui/when"
import type { ApiTokenListItem } from "@/lib/auth/tokens"
import { SCOPE_LABELS } from "./scope-labels"
import { TokenStatusBadge, tokenStatus } from "./token-status-badge"

type TokenTableProps = { tokens: ApiTokenListItem[]; showHolder: boolean; now: Date }

/** Every row shown may be revoked by the viewer: staff see only their own, managers everyone's. */
export function TokenTable({ tokens, showHolder, now }: TokenTableProps) {
  return (
    <TableContainer label="API tokens">
      <Table data-testid="token-table">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Token</TableHeaderCell>
            {showHolder ? <TableHeaderCell>Holder</TableHeaderCell> : null}
            <TableHeaderCell>Scopes</TableHeaderCell>
            <TableHeaderCell>Created</TableHeaderCell>
            <TableHeaderCell>Expires</TableHeaderCell>
            <TableHeaderCell>Last used</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tokens.map((token) => {
            const status = tokenStatus(token, now)
            return (
              <TableRow key={token.id} data-testid="token-row">
                <TableCell className="font-medium text-slate-900">{token.name}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">
                  {token.prefix}
                  <span aria-hidden="true">…</span>
                </TableCell>
                {showHolder ? <TableCell>{token.user.email}</TableCell> : null}
                <TableCell>
                  <ul className="flex flex-wrap gap-1" aria-label={`Scopes of ${token.name}`}>
                    {token.scopes.map((scope) => (
                      <li key={scope}>
                        <Badge tone={scope === "read" ? "neutral" : "brand"}>{SCOPE_LABELS[scope].label}</Badge>
                      </li>
                    ))}
                  </ul>
                </TableCell>
                <TableCell>
                  <When date={token.createdAt} as="date" />
                </TableCell>
                <TableCell>
                  <When date={token.expiresAt} as="date" />
                </TableCell>
                <TableCell>
                  {token.lastUsedAt ? <When date={token.lastUsedAt} /> : <span className="text-slate-500">Never</span>}
                </TableCell>
                <TableCell>
                  <span title={token.revokedAt ? `Revoked ${token.revokedAt.toISOString()}` : undefined}>
                    <TokenStatusBadge status={status} />
                  </span>
                </TableCell>
                <TableCell className="text-right">
                  {status === "revoked" ? null : (
                    <ConfirmButton
                      path={`/api/admin/tokens/${encodeURIComponent(token.id)}`}
                      method="DELETE"
                      confirmLabel="Revoke now"
                      pendingLabel="Revoking…"
                      ariaLabel={`Revoke ${token.name}`}
                      testId="revoke-token"
                    >
                      Revoke
                    </ConfirmButton>
                  )}
                </TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
