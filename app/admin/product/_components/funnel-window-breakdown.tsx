"use client"

import { useId } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import type { FunnelBreakdown } from "@/lib/analytics/funnels/rules"
import { BREAKDOWN_OPTIONS } from "./funnel-builder-model"

type FunnelWindowBreakdownProps = {
  windowDays: string
  onWindowDaysChange: (value: string) => void
  /** What is wrong with the window, shown once the builder has been submitted (else null). */
  windowProblem: string | null
  breakdown: FunnelBreakdown | ""
  onBreakdownChange: (value: FunnelBreakdown | "") => void
}

/** The conversion window in days, the breakdown, and the button that shows the funnel. */
export function FunnelWindowBreakdown({
  windowDays,
  onWindowDaysChange,
  windowProblem,
  breakdown,
  onBreakdownChange,
}: FunnelWindowBreakdownProps) {
  const id = useId()
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[10rem_14rem_auto] sm:items-end">
        <div>
          <Label htmlFor={`${id}-window`}>Window (days)</Label>
          <Input
            id={`${id}-window`}
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            value={windowDays}
            onChange={(event) => onWindowDaysChange(event.target.value)}
            aria-invalid={windowProblem ? true : undefined}
            aria-describedby={`${id}-window-hint`}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-breakdown`}>Break down by</Label>
          <Select
            id={`${id}-breakdown`}
            value={breakdown}
            onChange={(event) => onBreakdownChange(event.target.value as FunnelBreakdown | "")}
            data-testid="funnel-breakdown"
          >
            {BREAKDOWN_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <ActionButton type="submit" data-testid="funnel-show">
          Show funnel
        </ActionButton>
      </div>
      <p id={`${id}-window-hint`} className={windowProblem ? "text-sm text-red-700" : "text-sm text-slate-600"}>
        {windowProblem ?? "Later steps count only within this many days of the person's first step."}
      </p>
    </>
  )
}
