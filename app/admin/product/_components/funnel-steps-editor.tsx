"use client"

import { type Dispatch, type SetStateAction, useId } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Select } from "@/components/ui/select"
import type { FunnelStep } from "@/lib/analytics/funnels/rules"
import { MAX_STEPS, MIN_STEPS } from "./funnel-builder-model"

type FunnelStepsEditorProps = {
  steps: FunnelStep[]
  setSteps: Dispatch<SetStateAction<FunnelStep[]>>
  /** Each step's problem, shown once the builder has been submitted (else all null). */
  problems: (string | null)[]
}

/** The funnel's steps in order: each a page path or an event name, moved, removed or added. */
export function FunnelStepsEditor({ steps, setSteps, problems }: FunnelStepsEditorProps) {
  const id = useId()

  function change(index: number, patch: Partial<FunnelStep>) {
    setSteps((current) => current.map((step, i) => (i === index ? { ...step, ...patch } : step)))
  }
  function move(index: number, by: -1 | 1) {
    setSteps((current) => {
      const next = [...current]
      ;[next[index], next[index + by]] = [next[index + by]!, next[index]!]
      return next
    })
  }

  return (
    <>
      <ol className="flex flex-col gap-2">
        {steps.map((step, index) => {
          const problem = problems[index]
          return (
            <li key={index} className="flex flex-wrap items-start gap-2" data-testid="funnel-builder-step">
              <span className="mt-2 w-6 shrink-0 text-right text-sm text-slate-500 tabular-nums">{index + 1}.</span>
              <Select
                aria-label={`Step ${index + 1} kind`}
                value={step.kind}
                onChange={(event) => change(index, { kind: event.target.value as FunnelStep["kind"] })}
                className="w-36"
              >
                <option value="page">Page view</option>
                <option value="event">Event</option>
              </Select>
              <div className="min-w-48 flex-1">
                <Input
                  aria-label={`Step ${index + 1} ${step.kind === "page" ? "path" : "event name"}`}
                  value={step.match}
                  placeholder={step.kind === "page" ? "/pricing" : "checkout_started"}
                  onChange={(event) => change(index, { match: event.target.value })}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${id}-step-${index}-error` : undefined}
                  className="font-mono"
                />
                {problem ? (
                  <p id={`${id}-step-${index}-error`} className="mt-1 text-sm text-red-700">
                    {problem}
                  </p>
                ) : null}
              </div>
              <div className="flex gap-1">
                <ActionButton
                  variant="ghost"
                  size="sm"
                  className="mt-1"
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                  aria-label={`Move step ${index + 1} up`}
                >
                  ↑
                </ActionButton>
                <ActionButton
                  variant="ghost"
                  size="sm"
                  className="mt-1"
                  onClick={() => move(index, 1)}
                  disabled={index === steps.length - 1}
                  aria-label={`Move step ${index + 1} down`}
                >
                  ↓
                </ActionButton>
                <ActionButton
                  variant="ghost"
                  size="sm"
                  className="mt-1"
                  onClick={() => setSteps((current) => current.filter((_, i) => i !== index))}
                  disabled={steps.length <= MIN_STEPS}
                  aria-label={`Remove step ${index + 1}`}
                >
                  Remove
                </ActionButton>
              </div>
            </li>
          )
        })}
      </ol>
      <div>
        <ActionButton
          variant="secondary"
          size="sm"
          onClick={() => setSteps((current) => [...current, { kind: "event", match: "" }])}
          disabled={steps.length >= MAX_STEPS}
        >
          Add step
        </ActionButton>
        <span className="ml-3 text-sm text-slate-600">
          {MIN_STEPS} to {MAX_STEPS} steps, in the order people must take them.
        </span>
      </div>
    </>
  )
}
