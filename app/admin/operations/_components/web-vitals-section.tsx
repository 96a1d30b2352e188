import { formatValue } from "@/components/charts/format"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { OperationsOverview } from "@/lib/monitoring/operations/overview"

/** Browser timings (web vitals p75 per page, from the analytics pipeline) beside the server's page timings. */
export function WebVitalsSection({ overview }: { overview: OperationsOverview }) {
  const pages = overview.requests.ok
    ? overview.requests.data.routes.filter((row) => !row.route.startsWith("/api/")).slice(0, 10)
    : []
  const vitals = overview.webVitals.ok ? overview.webVitals.data : null
  return (
    <section
      id="web-vitals"
      aria-labelledby="web-vitals-heading"
      className="flex scroll-mt-6 flex-col gap-4"
      data-testid="ops-web-vitals"
    >
      <div>
        <h2 id="web-vitals-heading" className="text-xl font-semibold text-slate-900">
          Web vitals
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          What visitors&apos; browsers measured (p75 per page: LCP and INP in time, CLS a score) beside how long the
          server took for the same pages. Percentiles per page are on the product dashboard.
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <div className="flex flex-col gap-2">
          <h3 className="text-base font-semibold text-slate-900">In the browser</h3>
          {vitals === null ? (
            <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
              Web vitals could not be loaded.
            </p>
          ) : vitals.length === 0 ? (
            <p className="text-sm text-slate-600">No web vitals were recorded in this range.</p>
          ) : (
            <TableContainer label="Web vitals p75 per page">
              <Table data-testid="ops-web-vitals-table">
                <caption className="sr-only">75th percentile of LCP, INP and CLS per page in this range</caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>Page</TableHeaderCell>
                    <TableHeaderCell className="text-right">Samples</TableHeaderCell>
                    <TableHeaderCell className="text-right">LCP</TableHeaderCell>
                    <TableHeaderCell className="text-right">INP</TableHeaderCell>
                    <TableHeaderCell className="text-right">CLS</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {vitals.map((row) => (
                    <TableRow key={row.path}>
                      <TableCell className="font-mono text-xs break-all">{row.path}</TableCell>
                      <TableCell className="text-right tabular-nums">{formatValue(row.samples, "count")}</TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(row.lcp, "ms")}
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(row.inp, "ms")}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        {row.cls === null ? "—" : row.cls.toFixed(3)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="text-base font-semibold text-slate-900">On the server</h3>
          {pages.length === 0 ? (
            <p className="text-sm text-slate-600">No page requests in this range.</p>
          ) : (
            <TableContainer label="Server timings of pages">
              <Table>
                <caption className="sr-only">Server response time of pages in this range</caption>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>Page</TableHeaderCell>
                    <TableHeaderCell className="text-right">Requests</TableHeaderCell>
                    <TableHeaderCell className="text-right">p50</TableHeaderCell>
                    <TableHeaderCell className="text-right">p95</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {pages.map((row) => (
                    <TableRow key={`${row.method} ${row.route}`}>
                      <TableCell className="font-mono text-xs break-all">{row.route}</TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(row.requests, "count")}
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(row.p50, "ms")}
                      </TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">
                        {formatValue(row.p95, "ms")}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </div>
      </div>
    </section>
  )
}
