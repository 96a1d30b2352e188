import Link from "next/link"
import { formatInstant, formatValue } from "@/components/charts/format"
import { Badge } from "@/components/ui/badge"
import { ButtonLink } from "@/components/ui/button"
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
import type { ErrorsSection as Errors } from "@/lib/monitoring/operations/business"
import type { Section } from "@/lib/monitoring/operations/overview"
import { DashboardSection } from "./section"

export function ErrorsSection({ section }: { section: Section<Errors> }) {
  return (
    <DashboardSection
      id="errors"
      title="Errors"
      description="Open error groups from the server and from browsers, regressions first, then the most recently seen."
      section={section}
    >
      {(data) =>
        data.groups.length === 0 ? (
          <EmptyState
            as="h3"
            title="No open errors"
            description="Errors appear here as routes, pages or browsers report them."
          />
        ) : (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-slate-700">
                {formatValue(data.openTotal, "count")} open {data.openTotal === 1 ? "group" : "groups"},{" "}
                {formatValue(data.seenInRange, "count")} of the newest {data.groups.length} seen in this range.
              </p>
              <ButtonLink href="/admin/errors" variant="secondary" size="sm">
                All errors
              </ButtonLink>
            </div>
            <TableContainer label="Open error groups">
              <Table data-testid="ops-error-table">
                <caption className="sr-only">Open error groups, regressions first</caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>Error</TableHeaderCell>
                    <TableHeaderCell className="text-right">Count</TableHeaderCell>
                    <TableHeaderCell className="text-right">Users</TableHeaderCell>
                    <TableHeaderCell>Last seen</TableHeaderCell>
                    <TableHeaderCell>Route</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.groups.map((group) => (
                    <TableRow key={group.id} data-testid="ops-error-row">
                      <TableCell className="max-w-md">
                        <span className="flex flex-wrap items-center gap-2">
                          {group.regressedAt ? <Badge tone="warning">regression</Badge> : null}
                          <Badge>{group.source}</Badge>
                        </span>
                        <Link
                          href={`/admin/errors/${encodeURIComponent(group.id)}`}
                          className="mt-1 block font-medium break-words text-brand-700 hover:underline"
                        >
                          {group.name}: {group.message.length > 160 ? `${group.message.slice(0, 160)}…` : group.message}
                        </Link>
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(group.count, "count")}
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(group.affectedUsers, "count")}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">{formatInstant(group.lastSeenAt)}</TableCell>
                      <TableCell className="max-w-56 truncate font-mono text-xs" title={group.route ?? undefined}>
                        {group.route ?? "—"}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </>
        )
      }
    </DashboardSection>
  )
}
