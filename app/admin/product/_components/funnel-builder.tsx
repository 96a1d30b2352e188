"use client"

import { useRouter } from "next/navigation"
import { type FormEvent, useId, useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import type { FunnelBreakdown, FunnelStep } from "@/lib/analytics/product/funnels"
import { type ApiError, networkError, readApiError } from "@/lib/http/client-error"
import { BREAKDOWN_OPTIONS, funnelUrl, MAX_STEPS, MIN_STEPS, stepProblem } from "./funnel-builder-model"

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
  const [name, setName] = useState("")
  const [pending, setPending] = useState(false)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [checked, setChecked] = useState(false)

  const problems = steps.map(stepProblem)
  const windowNumber = Number(windowDays)
  const windowProblem = Number.isInteger(windowNumber) && windowNumber >= 1 && windowNumber <= 90 ? null : "A whole number of days from 1 to 90"
  const valid = problems.every((problem) => problem === null) && windowProblem === null
  const cleanSteps = () => steps.map((step) => ({ kind: step.kind, match: step.match.trim() }))

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

  function show(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setChecked(true)
    if (!valid) return
    router.push(funnelUrl(keep, { steps: cleanSteps(), window: windowNumber, breakdown: breakdown || null }))
  }

  async function send(method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<{ id: string } | null> {
    setPending(true)
    setFailure(null)
    try {
      const response = await fetch(path, { method, headers: body ? { "content-type": "application/json" } : undefined, body: body ? JSON.stringify(body) : undefined })
      if (!response.ok) {
        setFailure(await readApiError(response))
        return null
      }
      return response.status === 204 ? { id: "" } : ((await response.json()) as { id: string })
    } catch {
      setFailure(networkError)
      return null
    } finally {
      setPending(false)
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setChecked(true)
    if (!valid || !name.trim()) return
    const created = await send("POST", "/api/admin/product/funnels", { name: name.trim(), steps: cleanSteps(), windowDays: windowNumber })
    if (created) {
      setName("")
      router.push(funnelUrl(keep, { funnelId: created.id, breakdown: breakdown || null }))
    }
  }

  async function update() {
    setChecked(true)
    if (!saved || !valid) return
    if (await send("PATCH", `/api/admin/product/funnels/${encodeURIComponent(saved.id)}`, { steps: cleanSteps(), windowDays: windowNumber })) {
      router.push(funnelUrl(keep, { funnelId: saved.id, breakdown: breakdown || null }))
      router.refresh()
    }
  }

  async function remove() {
    if (!saved || !window.confirm(`Delete the saved funnel “${saved.name}”? This cannot be undone.`)) return
    if (await send("DELETE", `/api/admin/product/funnels/${encodeURIComponent(saved.id)}`)) router.push(funnelUrl(keep, {}))
  }

  return (
    <div className="flex flex-col gap-5 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm" data-testid="funnel-builder">
      <form onSubmit={show} noValidate className="flex flex-col gap-4" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          Build a funnel
        </h3>
        <ol className="flex flex-col gap-2">
          {steps.map((step, index) => {
            const problem = checked ? problems[index] : null
            return (
              <li key={index} className="flex flex-wrap items-start gap-2" data-testid="funnel-builder-step">
                <span className="mt-2 w-6 shrink-0 text-right text-sm text-slate-500 tabular-nums">{index + 1}.</span>
                <Select aria-label={`Step ${index + 1} kind`} value={step.kind} onChange={(event) => change(index, { kind: event.target.value as FunnelStep["kind"] })} className="w-36">
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
                  <ActionButton variant="ghost" size="sm" className="mt-1" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move step ${index + 1} up`}>
                    ↑
                  </ActionButton>
                  <ActionButton variant="ghost" size="sm" className="mt-1" onClick={() => move(index, 1)} disabled={index === steps.length - 1} aria-label={`Move step ${index + 1} down`}>
                    ↓
                  </ActionButton>
                  <ActionButton variant="ghost" size="sm" className="mt-1" onClick={() => setSteps((current) => current.filter((_, i) => i !== index))} disabled={steps.length <= MIN_STEPS} aria-label={`Remove step ${index + 1}`}>
                    Remove
                  </ActionButton>
                </div>
              </li>
            )
          })}
        </ol>
        <div>
          <ActionButton variant="secondary" size="sm" onClick={() => setSteps((current) => [...current, { kind: "event", match: "" }])} disabled={steps.length >= MAX_STEPS}>
            Add step
          </ActionButton>
          <span className="ml-3 text-sm text-slate-600">
            {MIN_STEPS} to {MAX_STEPS} steps, in the order people must take them.
          </span>
        </div>
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
              onChange={(event) => setWindowDays(event.target.value)}
              aria-invalid={checked && windowProblem ? true : undefined}
              aria-describedby={`${id}-window-hint`}
            />
          </div>
          <div>
            <Label htmlFor={`${id}-breakdown`}>Break down by</Label>
            <Select id={`${id}-breakdown`} value={breakdown} onChange={(event) => setBreakdown(event.target.value as FunnelBreakdown | "")} data-testid="funnel-breakdown">
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
        <p id={`${id}-window-hint`} className={checked && windowProblem ? "text-sm text-red-700" : "text-sm text-slate-600"}>
          {checked && windowProblem ? windowProblem : "Later steps count only within this many days of the person's first step."}
        </p>
      </form>

      <form onSubmit={save} noValidate className="flex flex-col gap-3 border-t border-slate-100 pt-4" aria-labelledby={`${id}-save-heading`}>
        <h3 id={`${id}-save-heading`} className="text-base font-semibold text-slate-900">
          Save these steps
        </h3>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-56 flex-1">
            <Label htmlFor={`${id}-name`}>Name</Label>
            <Input
              id={`${id}-name`}
              value={name}
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. Pricing to payment"
              aria-invalid={checked && !name.trim() ? true : undefined}
              data-testid="funnel-name"
            />
          </div>
          <ActionButton type="submit" variant="secondary" disabled={pending} data-testid="funnel-save">
            {pending ? "Saving…" : "Save as new funnel"}
          </ActionButton>
          {saved ? (
            <>
              <ActionButton variant="secondary" disabled={pending} onClick={() => void update()} data-testid="funnel-update">
                Update “{saved.name}”
              </ActionButton>
              <ActionButton variant="danger" disabled={pending} onClick={() => void remove()} data-testid="funnel-delete">
                Delete
              </ActionButton>
            </>
          ) : null}
        </div>
        {failure ? (
          <div role="alert" className="text-sm text-red-700">
            <p>{failure.message}</p>
            {Object.entries(failure.fieldErrors).length ? (
              <ul className="mt-1 list-disc pl-5">
                {Object.entries(failure.fieldErrors).map(([field, message]) => (
                  <li key={field}>
                    <span className="font-mono">{field}</span>: {message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </form>
    </div>
  )
}
