"use client"

import { useRouter } from "next/navigation"
import { type FormEvent, useId, useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { ConfirmButton } from "@/components/ui/confirm-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"
import type { FunnelBreakdown, FunnelStep } from "@/lib/analytics/funnels/rules"
import { funnelUrl } from "./funnel-builder-model"

type FunnelSaveFormProps = {
  /** The builder's steps (trimmed) and window in days, valid or not. */
  steps: FunnelStep[]
  windowDays: number
  breakdown: FunnelBreakdown | null
  valid: boolean
  /** Whether the builder has been submitted, so problems show; `check` marks it so. */
  checked: boolean
  check: () => void
  /** The saved funnel on show, which Update and Delete act on. */
  saved: { id: string; name: string } | null
  /** The page's other settings (range, cohorts), kept in every URL this builds. */
  keep: [string, string][]
}

/** Save the builder's steps as a new funnel, or update or delete the saved one on show. */
export function FunnelSaveForm({
  steps,
  windowDays,
  breakdown,
  valid,
  checked,
  check,
  saved,
  keep,
}: FunnelSaveFormProps) {
  const router = useRouter()
  const id = useId()
  const [name, setName] = useState("")
  const { pending, error, mutate } = useMutation<{ id: string }>()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    check()
    if (!valid || !name.trim()) return
    const created = await mutate("/api/admin/product/funnels", { body: { name: name.trim(), steps, windowDays } })
    if (created?.ok) {
      setName("")
      router.push(funnelUrl(keep, { funnelId: created.data.id, breakdown }))
    }
  }

  async function update() {
    check()
    if (!saved || !valid) return
    const updated = await mutate(`/api/admin/product/funnels/${encodeURIComponent(saved.id)}`, {
      method: "PATCH",
      body: { steps, windowDays },
    })
    if (updated?.ok) {
      router.push(funnelUrl(keep, { funnelId: saved.id, breakdown }))
      router.refresh()
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-3 border-t border-slate-100 pt-4"
      aria-labelledby={`${id}-save-heading`}
    >
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
            <ActionButton
              variant="secondary"
              disabled={pending}
              onClick={() => void update()}
              data-testid="funnel-update"
            >
              Update “{saved.name}”
            </ActionButton>
            <ConfirmButton
              path={`/api/admin/product/funnels/${encodeURIComponent(saved.id)}`}
              method="DELETE"
              onDone={() => router.push(funnelUrl(keep, {}))}
              confirmLabel={`Delete “${saved.name}” for good`}
              pendingLabel="Deleting…"
              cancelLabel="Keep it"
              testId="funnel-delete"
              size="md"
              variant="danger"
              disabled={pending}
            >
              Delete
            </ConfirmButton>
          </>
        ) : null}
      </div>
      {error ? (
        <div role="alert" className="text-sm text-red-700">
          <p>{error.message}</p>
          {Object.entries(error.fieldErrors).length ? (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(error.fieldErrors).map(([field, message]) => (
                <li key={field}>
                  <span className="font-mono">{field}</span>: {message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  )
}
