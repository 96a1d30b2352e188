"use client"

import { useRouter } from "next/navigation"
import { type FormEvent, useId, useState } from "react"
import type { FunnelBreakdown, FunnelStep } from "@/lib/analytics/funnels/rules"
import { funnelUrl, stepProblem } from "./funnel-builder-model"
import { FunnelSaveForm } from "./funnel-save-form"
import { FunnelStepsEditor } from "./funnel-steps-editor"
import { FunnelWindowBreakdown } from "./funnel-window-breakdown"

type FunnelBuilderProps = {
  initialSteps: FunnelStep[]
  initialWindow: number
  initialBreakdown: FunnelBreakdown | null
  /** The saved funnel on show, which Update and Delete act on. */
  saved: { id: string; name: string } | null
  /** The page's other settings (range, cohorts), kept in every URL this builds. */
  keep: [string, string][]
}

/** Staff pick steps, a window and a breakdown; Show puts them in the URL, Save keeps them for later. */
export function FunnelBuilder({ initialSteps, initialWindow, initialBreakdown, saved, keep }: FunnelBuilderProps) {
  const router = useRouter()
  const id = useId()
  const [steps, setSteps] = useState<FunnelStep[]>(initialSteps)
  const [windowDays, setWindowDays] = useState(String(initialWindow))
  const [breakdown, setBreakdown] = useState<FunnelBreakdown | "">(initialBreakdown ?? "")
  // Problems show only once the builder has been submitted (Show, Save or Update).
  const [checked, setChecked] = useState(false)

  const problems = steps.map(stepProblem)
  const windowNumber = Number(windowDays)
  const windowProblem =
    Number.isInteger(windowNumber) && windowNumber >= 1 && windowNumber <= 90
      ? null
      : "A whole number of days from 1 to 90"
  const valid = problems.every((problem) => problem === null) && windowProblem === null
  const cleanSteps = steps.map((step) => ({ kind: step.kind, match: step.match.trim() }))

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setChecked(true)
    if (!valid) return
    router.push(funnelUrl(keep, { steps: cleanSteps, window: windowNumber, breakdown: breakdown || null }))
  }

  return (
    <div
      className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm"
      data-testid="funnel-builder"
    >
      <form onSubmit={show} noValidate className="flex flex-col gap-4" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          Build a funnel
        </h3>
        <FunnelStepsEditor steps={steps} setSteps={setSteps} problems={checked ? problems : problems.map(() => null)} />
        <FunnelWindowBreakdown
          windowDays={windowDays}
          onWindowDaysChange={setWindowDays}
          windowProblem={checked ? windowProblem : null}
          breakdown={breakdown}
          onBreakdownChange={setBreakdown}
        />
      </form>
      <FunnelSaveForm
        steps={cleanSteps}
        windowDays={windowNumber}
        breakdown={breakdown || null}
        valid={valid}
        checked={checked}
        check={() => setChecked(true)}
        saved={saved}
        keep={keep}
      />
    </div>
  )
}
