import Link from "next/link"
import { formatValue } from "@/components/charts/format"
import { rowsOf } from "@/components/charts/rows"
import { TimeSeriesChart } from "@/components/charts/time-series-chart"
import { EmptyState } from "@/components/ui/empty-state"
import { StatCard } from "@/components/ui/stat-card"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { Section } from "@/lib/monitoring/operations/overview"
import { ROUTE_SORTS, type OperationsQuery } from "@/lib/monitoring/operations/schemas"
import type { RequestsSection as Requests } from "@/lib/monitoring/operations/system"
import type { RouteRow } from "@/lib/monitoring/requests/queries"
import { cn } from "@/lib/utils/cn"
import { operationsHref } from "../_lib/query"
import { DashboardSection, SubHeading } from "./section"

const SORT_LABELS: Record<(typeof ROUTE_SORTS)[number], string> = {
  slowest: "Slowest (p95)",
  failing: "Most failing",
  busiest: "Busiest",
}
const EMPTY = "No requests recorded in this range. Each instance writes its counts every 10 seconds."

export function RequestsSection({ section, query }: { section: Section<Requests>; query: OperationsQuery }) {
  return (
    <DashboardSection
      id="requests"
      title="Requests"
      description="API routes and pages as the server timed them; percentiles come from merged histograms."
      section={section}
    >
      {(data) => {
        const empty = data.totals.requests === 0
        const rate = rowsOf(data.points, (p) => p.at, [{ label: "Requests/s", value: (p) => p.perSecond }])
        const errors = rowsOf(data.points, (p) => p.at, [{ label: "5xx share", value: (p) => p.errorRate }])
        const latency = rowsOf(data.points, (p) => p.at, [
          { label: "p50", value: (p) => p.p50 },
          { label: "p95", value: (p) => p.p95 },
          { label: "p99", value: (p) => p.p99 },
        ])
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-3">
              <StatCard
                label="Requests"
                value={formatValue(data.totals.requests, "count")}
                hint={`${formatValue(data.totals.perSecond, "rate")} on average`}
              />
              <StatCard
                label="Server errors (5xx)"
                value={formatValue(data.totals.errors5xx, "count")}
                tone={data.totals.errors5xx > 0 ? "danger" : "default"}
                hint={data.totals.errors5xx > 0 ? "Answered 500 or above: see Errors below" : "None in this range"}
              />
              <StatCard
                label="5xx share"
                value={formatValue(data.totals.errorRate, "ratio")}
                hint={`One point per ${data.resolution.stepSeconds >= 3600 ? `${data.resolution.stepSeconds / 3600} h` : `${data.resolution.stepSeconds / 60} min`}`}
              />
            </div>
            <div className="grid gap-4 lg:grid-cols-3">
              <TimeSeriesChart
                title="Request rate"
                description="Requests per second"
                unit="rate"
                variant="area"
                {...rate}
                empty={empty}
                emptyMessage={EMPTY}
                data-testid="chart-request-rate"
              />
              <TimeSeriesChart
                title="Error rate"
                description="Share of requests answered 5xx"
                unit="ratio"
                {...errors}
                empty={empty}
                emptyMessage={EMPTY}
                data-testid="chart-error-rate"
              />
              <TimeSeriesChart
                title="Latency"
                description="p50, p95 and p99 response time"
                unit="ms"
                {...latency}
                empty={empty}
                emptyMessage={EMPTY}
                data-testid="chart-latency"
              />
            </div>
            <div className="flex flex-col gap-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <SubHeading id="routes-heading">Routes</SubHeading>
                <nav aria-label="Order routes by">
                  <ul className="flex flex-wrap gap-1 text-sm">
                    {ROUTE_SORTS.map((sort) => (
                      <li key={sort}>
                        <Link
                          href={operationsHref(query, { sort }, "routes-heading")}
                          aria-current={sort === data.sort ? "true" : undefined}
                          className={cn(
                            "block rounded-md px-2.5 py-1 font-medium",
                            sort === data.sort ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                          )}
                          data-testid={`route-sort-${sort}`}
                        >
                          {SORT_LABELS[sort]}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              </div>
              {data.routes.length > 0 ? (
                <RouteTable routes={data.routes} sort={data.sort} />
              ) : (
                <EmptyState as="h3" title="No routes in this range" description={EMPTY} />
              )}
            </div>
          </>
        )
      }}
    </DashboardSection>
  )
}

function RouteTable({ routes, sort }: { routes: RouteRow[]; sort: string }) {
  return (
    <TableContainer label="Routes">
      <Table data-testid="ops-route-table">
        <caption className="sr-only">
          Requests per route and method in this range, ordered by{" "}
          {SORT_LABELS[sort as keyof typeof SORT_LABELS].toLowerCase()}
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Route</TableHeaderCell>
            <TableHeaderCell className="text-right">Requests</TableHeaderCell>
            <TableHeaderCell className="text-right">Rate</TableHeaderCell>
            <TableHeaderCell className="text-right">4xx</TableHeaderCell>
            <TableHeaderCell className="text-right">5xx</TableHeaderCell>
            <TableHeaderCell className="text-right">5xx share</TableHeaderCell>
            <TableHeaderCell className="text-right">p50</TableHeaderCell>
            <TableHeaderCell className="text-right">p95</TableHeaderCell>
            <TableHeaderCell className="text-right">p99</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {routes.map((row) => (
            <TableRow key={`${row.method} ${row.route}`} data-testid="ops-route-row">
              <TableCell className="max-w-md font-mono text-xs break-all">
                <span className="mr-2 font-sans font-semibold text-slate-600">{row.method}</span>
                {row.route}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(row.requests, "count")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(row.perSecond, "rate")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(row.errors4xx, "count")}
              </TableCell>
              <TableCell
                className={cn(
                  "text-right whitespace-nowrap tabular-nums",
                  row.errors5xx > 0 && "font-semibold text-red-700",
                )}
              >
                {formatValue(row.errors5xx, "count")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(row.errorRate, "ratio")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatValue(row.p50, "ms")}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatValue(row.p95, "ms")}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatValue(row.p99, "ms")}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
