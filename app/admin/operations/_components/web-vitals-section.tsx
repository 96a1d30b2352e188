import { formatValue } from "@/components/charts/format"
import { Table, TableBody, TableCell, TableContainer, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table"
import type { OperationsOverview } from "@/lib/monitoring/operations/overview"

/** Browser timings are not collected yet (the analytics issue); the server's page timings stand beside the notice. */
export function WebVitalsSection({ overview }: { overview: OperationsOverview }) {
  const pages = overview.requests.ok ? overview.requests.data.routes.filter((row) => !row.route.startsWith("/api/")).slice(0, 10) : []
  return (
    <section id="web-vitals" aria-labelledby="web-vitals-heading" className="flex scroll-mt-6 flex-col gap-4" data-testid="ops-web-vitals">
      <div>
        <h2 id="web-vitals-heading" className="text-xl font-semibold text-slate-900">
          Web vitals
        </h2>
        <p className="mt-1 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">{overview.webVitals.message} Until then, the server&apos;s own page timings:</p>
      </div>
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
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatValue(row.requests, "count")}</TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatValue(row.p50, "ms")}</TableCell>
                  <TableCell className="text-right whitespace-nowrap tabular-nums">{formatValue(row.p95, "ms")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </section>
  )
}
