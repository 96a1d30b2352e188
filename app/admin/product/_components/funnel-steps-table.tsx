import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { ReportedFunnel } from "@/lib/analytics/funnels/report"
import type { FunnelStepFigures } from "@/lib/analytics/funnels/rules"
import { formatFigure } from "@/lib/analytics/reports/usage-format"
import { formatSeconds } from "@/lib/format/durations"
import { ValueBar } from "./usage-ui"

export function formatDuration(ms: number | null): string {
  return ms === null ? "—" : formatSeconds(ms / 1000)
}

/** Per step: people, conversion from the step before and from the first, drop-off, median and mean time. */
export function FunnelStepsTable({ funnel, steps }: { funnel: ReportedFunnel; steps: FunnelStepFigures[] }) {
  const first = steps[0]?.people ?? 0
  return (
    <TableContainer label="Funnel steps">
      <Table data-testid="funnel-steps-table">
        <caption className="sr-only">
          People reaching each step of {funnel.name}, with conversion, drop-off and time since the step before
        </caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>Step</TableHeaderCell>
            <TableHeaderCell className="text-right">People</TableHeaderCell>
            <TableHeaderCell className="w-1/5">From first</TableHeaderCell>
            <TableHeaderCell className="text-right">From previous</TableHeaderCell>
            <TableHeaderCell className="text-right">Drop-off</TableHeaderCell>
            <TableHeaderCell className="text-right">Median time</TableHeaderCell>
            <TableHeaderCell className="text-right">Mean time</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {steps.map((step, index) => {
            const definition = funnel.steps[index]!
            return (
              <TableRow key={index} data-testid="funnel-step-row">
                <TableCell>
                  <span className="mr-2 text-slate-500 tabular-nums">{index + 1}.</span>
                  <span className="font-medium text-slate-900">{definition.label}</span>
                  <span className="block font-mono text-xs text-slate-500">
                    {definition.kind}:{definition.match}
                  </span>
                </TableCell>
                <TableCell className="text-right font-medium tabular-nums" data-testid="funnel-step-people">
                  {formatFigure(step.people, "count")}
                </TableCell>
                <TableCell>
                  <div className="flex items-center gap-3">
                    <ValueBar value={step.people} max={first} />
                    <span className="w-16 shrink-0 text-right tabular-nums">
                      {formatFigure(step.conversionFromFirst, "share")}
                    </span>
                  </div>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {index === 0 ? "—" : formatFigure(step.conversionFromPrevious, "share")}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {index === 0 ? "—" : formatFigure(step.dropOff, "count")}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(step.medianMs)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatDuration(step.meanMs)}</TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
