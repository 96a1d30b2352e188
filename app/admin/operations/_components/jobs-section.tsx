import { formatInstant, formatValue } from "@/components/charts/format"
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
import type { JobOverview } from "@/lib/jobs/overview"
import type { JobRunRow } from "@/lib/jobs/queries"
import type { Section } from "@/lib/monitoring/operations/overview"
import type { JobsSection as Jobs, QueueState } from "@/lib/monitoring/operations/system"
import { DashboardSection, SubHeading } from "./section"
import { StatusBadge } from "./status-badge"

export function JobsSection({ section }: { section: Section<Jobs> }) {
  return (
    <DashboardSection
      id="jobs"
      title="Jobs"
      description="Scheduled jobs run once per tick across all instances; every attempt is recorded."
      section={section}
    >
      {(data) => (
        <>
          <QueueSummary queue={data.queue} />
          <JobTable jobs={data.jobs} />
          <div className="flex flex-col gap-3">
            <SubHeading>Recent failures</SubHeading>
            {data.failures.length === 0 ? (
              <EmptyState as="h3" title="No failed runs in this range" />
            ) : (
              <FailureTable failures={data.failures} />
            )}
          </div>
        </>
      )}
    </DashboardSection>
  )
}

function QueueSummary({ queue }: { queue: QueueState }) {
  if (!queue.available)
    return <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">{queue.reason}</p>
  const queued = queue.depths.reduce((sum, d) => sum + d.queued, 0)
  const active = queue.depths.reduce((sum, d) => sum + d.active, 0)
  return (
    <p className="text-sm text-slate-700" data-testid="ops-queue">
      Queue: {formatValue(queued, "count")} waiting, {formatValue(active, "count")} running; {queue.lag.ready} due now
      {queue.lag.oldestReadySeconds !== null
        ? `, the oldest waiting ${formatValue(queue.lag.oldestReadySeconds * 1000, "ms")}`
        : ""}
      .
    </p>
  )
}

function LastRun({ run }: { run: JobRunRow | null }) {
  if (!run) return <span className="text-slate-500">never</span>
  return (
    <span className="flex flex-col gap-1">
      <span className="flex items-center gap-2">
        <StatusBadge state={run.status} />
        <time dateTime={run.startedAt.toISOString()} className="whitespace-nowrap">
          {formatInstant(run.startedAt)}
        </time>
      </span>
      <span className="text-xs text-slate-600">
        {formatValue(run.durationMs, "ms")} · attempt {run.attempt} · {run.instance}
      </span>
    </span>
  )
}

function JobTable({ jobs }: { jobs: JobOverview[] }) {
  return (
    <TableContainer label="Scheduled jobs">
      <Table data-testid="ops-job-table">
        <caption className="sr-only">
          Each scheduled job: its last run, and its runs, failures and durations in this range
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Job</TableHeaderCell>
            <TableHeaderCell>Last run</TableHeaderCell>
            <TableHeaderCell className="text-right">Runs</TableHeaderCell>
            <TableHeaderCell className="text-right">Failed</TableHeaderCell>
            <TableHeaderCell className="text-right">Avg</TableHeaderCell>
            <TableHeaderCell className="text-right">p95</TableHeaderCell>
            <TableHeaderCell>Last failure</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {jobs.map((job) => (
            <TableRow key={job.name} data-testid="ops-job-row">
              <TableCell className="max-w-sm">
                <span className="font-mono text-xs font-semibold">{job.name}</span>
                <span className="block text-xs text-slate-600">
                  <code>{job.cron}</code> · {job.description}
                </span>
              </TableCell>
              <TableCell>
                <LastRun run={job.lastRun} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(job.stats.runs, "count")}
              </TableCell>
              <TableCell
                className={
                  job.stats.failed > 0
                    ? "text-right font-semibold whitespace-nowrap text-red-700 tabular-nums"
                    : "text-right whitespace-nowrap tabular-nums"
                }
              >
                {formatValue(job.stats.failed, "count")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(job.stats.avgMs, "ms")}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatValue(job.stats.p95Ms, "ms")}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {job.lastFailure ? formatInstant(job.lastFailure.startedAt) : "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

function FailureTable({ failures }: { failures: JobRunRow[] }) {
  return (
    <TableContainer label="Recent failures">
      <Table data-testid="ops-job-failures">
        <caption className="sr-only">Failed job attempts in this range, newest first</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Job</TableHeaderCell>
            <TableHeaderCell className="text-right">Attempt</TableHeaderCell>
            <TableHeaderCell>Error</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {failures.map((run) => (
            <TableRow key={run.id}>
              <TableCell className="whitespace-nowrap">{formatInstant(run.startedAt)}</TableCell>
              <TableCell className="font-mono text-xs">{run.job}</TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">{run.attempt}</TableCell>
              <TableCell className="max-w-lg">
                <span className="block font-mono text-xs break-words whitespace-pre-wrap text-red-800">
                  {(run.error ?? "no message").slice(0, 500)}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
