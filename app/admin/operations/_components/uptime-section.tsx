import { formatInstant, formatValue } from "@/components/charts/format"
import { pivotByGroup } from "@/components/charts/rows"
import { TimeSeriesChart } from "@/components/charts/time-series-chart"
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
import { COMPONENTS } from "@/lib/monitoring/uptime/probes"
import type { Section } from "@/lib/monitoring/operations/overview"
import type { ComponentHealth, UptimeSection as Uptime } from "@/lib/monitoring/operations/system"
import { formatUptime, UPTIME_WINDOWS } from "@/lib/monitoring/uptime/figures"
import { DashboardSection } from "./section"
import { StatusBadge } from "./status-badge"

export function UptimeSection({ section }: { section: Section<Uptime> }) {
  return (
    <DashboardSection
      id="uptime"
      title="Uptime"
      description="Each component is probed once a minute; uptime is minutes up over minutes observed."
      section={section}
    >
      {(data) => {
        const probed = data.components.some((c) => c.minute !== null)
        if (!probed)
          return (
            <EmptyState
              as="h3"
              title="No probes yet"
              description="The uptime probe runs every minute once an instance has started the job runner."
            />
          )
        const latency = pivotByGroup(data.latency, {
          at: (p) => p.at,
          group: (p) => p.component,
          value: (p) => p.avgMs,
          groups: COMPONENTS.filter((c) => data.latency.some((p) => p.component === c)),
        })
        return (
          <>
            <ComponentTable components={data.components} />
            <TimeSeriesChart
              title="Probe latency"
              description="Average probe time per component"
              unit="ms"
              {...latency}
              emptyMessage="No probe latency in this range."
              data-testid="chart-probe-latency"
            />
          </>
        )
      }}
    </DashboardSection>
  )
}

function ComponentTable({ components }: { components: ComponentHealth[] }) {
  return (
    <TableContainer label="Components">
      <Table data-testid="ops-uptime-table">
        <caption className="sr-only">
          Current status of each component and its uptime over 24 hours, 7, 30 and 90 days
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Component</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Last probe</TableHeaderCell>
            <TableHeaderCell className="text-right">Latency</TableHeaderCell>
            {UPTIME_WINDOWS.map((w) => (
              <TableHeaderCell key={w.key} className="text-right">
                <abbr title={`Uptime over the last ${w.label}`} className="no-underline">
                  {w.key}
                </abbr>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {components.map((c) => {
            const state = !c.configured && c.minute === null ? "not configured" : c.state
            return (
              <TableRow key={c.component} data-testid="ops-component-row">
                <TableCell className="font-medium">{c.component}</TableCell>
                <TableCell>
                  <StatusBadge state={state} />
                </TableCell>
                <TableCell className="max-w-xs text-xs text-slate-600">
                  {c.minute ? <time dateTime={c.minute.toISOString()}>{formatInstant(c.minute)}</time> : "—"}
                  {c.detail ? (
                    <span className="block truncate" title={c.detail}>
                      {c.detail}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {formatValue(c.latencyMs, "ms")}
                </TableCell>
                {UPTIME_WINDOWS.map((w) => (
                  <TableCell key={w.key} className="text-right whitespace-nowrap tabular-nums">
                    {formatUptime(c.uptime?.[w.key].ratio ?? null)}
                  </TableCell>
                ))}
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
