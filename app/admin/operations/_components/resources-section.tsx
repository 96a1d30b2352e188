import { formatBytes, formatInstant, formatValue, type ChartUnit } from "@/components/charts/format"
import { pivotByGroup } from "@/components/charts/rows"
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
import type { DatabaseHealth, ResourcesSection as Resources } from "@/lib/monitoring/operations/system"
import type { LatestSample, ResourcePoint } from "@/lib/monitoring/resources/queries"
import { DashboardSection, SubHeading } from "./section"
import { StatusBadge } from "./status-badge"

const CHARTS: { title: string; description: string; unit: ChartUnit; value: (p: ResourcePoint) => number | null }[] = [
  { title: "CPU", description: "Process CPU, percent of one core", unit: "percent", value: (p) => p.cpuPercent },
  {
    title: "Memory (RSS)",
    description: "Resident set size, highest in each interval",
    unit: "bytes",
    value: (p) => p.rssBytes,
  },
  { title: "Heap used", description: "V8 heap in use", unit: "bytes", value: (p) => p.heapUsedBytes },
  {
    title: "Event-loop delay p99",
    description: "Worst p99 delay in each interval",
    unit: "ms",
    value: (p) => p.eventLoopP99Ms,
  },
  {
    title: "Database round trip",
    description: "SELECT 1 through the app's pool, waiting included",
    unit: "ms",
    value: (p) => p.dbRoundTripMs,
  },
  {
    title: "Pool waiters",
    description: "Queries waiting for a connection, most in each interval",
    unit: "count",
    value: (p) => p.poolWaiting,
  },
]

export function ResourcesSection({ section }: { section: Section<Resources> }) {
  return (
    <DashboardSection
      id="resources"
      title="Resources"
      description="Each instance samples itself every 15 seconds. An instance silent for a minute is shown as gone."
      section={section}
    >
      {(data) => (
        <>
          <DatabaseCards database={data.database} />
          {data.instances.length === 0 ? (
            <EmptyState
              as="h3"
              title="No resource samples in this range"
              description="Samples appear once an instance runs its background loops (BACKGROUND_WORK is not 0)."
            />
          ) : (
            <>
              <InstanceTable instances={data.instances} />
              <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
                {CHARTS.map((chart) => (
                  <TimeSeriesChart
                    key={chart.title}
                    title={chart.title}
                    description={chart.description}
                    unit={chart.unit}
                    {...pivotByGroup(data.series, { at: (p) => p.at, group: (p) => p.instance, value: chart.value })}
                  />
                ))}
              </div>
            </>
          )}
        </>
      )}
    </DashboardSection>
  )
}

function DatabaseCards({ database }: { database: DatabaseHealth }) {
  const sizes = (bytes: number | null) => (bytes === null ? "—" : formatBytes(bytes))
  const sampled = database.sampledAt ? `Sampled ${formatInstant(database.sampledAt)}` : "No sample yet"
  return (
    <div className="flex flex-col gap-3">
      <SubHeading>Database health</SubHeading>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="ops-database">
        <StatCard
          label="Round trip now"
          value={formatValue(database.roundTripMs, "ms")}
          hint="SELECT 1, timed as this page loaded"
        />
        <StatCard
          label="Pool"
          value={
            database.poolTotal === null
              ? "—"
              : `${database.poolTotal - (database.poolIdle ?? 0)} busy / ${database.poolTotal}`
          }
          tone={(database.poolWaiting ?? 0) > 0 ? "danger" : "default"}
          hint={`${database.poolWaiting ?? 0} waiting · ${sampled}`}
        />
        <StatCard label="Data folder (.data)" value={sizes(database.dataDirBytes)} hint="Backups included" />
        <StatCard
          label="Backups"
          value={sizes(database.backupDirBytes)}
          hint={database.sampledAt && database.backupDirBytes === null ? "No backups folder yet" : sampled}
        />
      </div>
    </div>
  )
}

function InstanceTable({ instances }: { instances: LatestSample[] }) {
  return (
    <TableContainer label="Instances">
      <Table data-testid="ops-instance-table">
        <caption className="sr-only">Latest sample of each instance seen in this range</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Instance</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Last sample</TableHeaderCell>
            <TableHeaderCell className="text-right">CPU</TableHeaderCell>
            <TableHeaderCell className="text-right">RSS</TableHeaderCell>
            <TableHeaderCell className="text-right">Heap</TableHeaderCell>
            <TableHeaderCell className="text-right">Loop p99</TableHeaderCell>
            <TableHeaderCell className="text-right">DB round trip</TableHeaderCell>
            <TableHeaderCell className="text-right">Pool busy / total · waiting</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {instances.map((i) => (
            <TableRow key={i.instance} data-testid="ops-instance-row">
              <TableCell className="font-mono text-xs break-all">{i.instance}</TableCell>
              <TableCell>
                <StatusBadge state={i.live ? "live" : "gone"} />
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatInstant(i.at)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(i.cpuPercent, "percent")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{formatBytes(i.rssBytes)}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatBytes(i.heapUsedBytes)} / {formatBytes(i.heapTotalBytes)}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(i.eventLoopP99Ms, "ms")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(i.dbRoundTripMs, "ms")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {i.poolTotal - i.poolIdle} / {i.poolTotal} · {i.poolWaiting}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
