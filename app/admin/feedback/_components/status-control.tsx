"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Select } from "@/components/ui/select"
import { useMutation } from "@/components/ui/use-mutation"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { SETTABLE_STATUSES, STATUS_LABELS } from "@/lib/feedback/format"

type Change = { changed: boolean; recipients: number; emailed: number }

/** Staff set a request's status; the answer says how many voters were emailed. */
export function StatusControl({
  requestId,
  title,
  status,
}: {
  requestId: string
  title: string
  status: FeatureRequestStatus
}) {
  const [next, setNext] = useState<FeatureRequestStatus>(status === "OPEN" ? "PLANNED" : status)
  const [done, setDone] = useState<string | null>(null)
  const { pending, error, mutate } = useMutation<Change>({ refresh: true })
  const selectId = `status-${requestId}`

  async function save() {
    setDone(null)
    const result = await mutate(`/api/admin/feature-requests/${encodeURIComponent(requestId)}/status`, {
      body: { status: next },
    })
    if (!result?.ok) return
    const { changed, emailed } = result.data
    setDone(
      changed
        ? `Set to ${STATUS_LABELS[next].toLowerCase()}; ${emailed} ${emailed === 1 ? "person" : "people"} emailed.`
        : "Already this status; nobody emailed.",
    )
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          New status for {title}
        </label>
        <Select
          id={selectId}
          value={next}
          onChange={(event) => setNext(event.target.value as FeatureRequestStatus)}
          className="h-8 w-36 text-sm"
          data-testid="status-select"
        >
          {SETTABLE_STATUSES.map((option) => (
            <option key={option} value={option}>
              {STATUS_LABELS[option]}
            </option>
          ))}
        </Select>
        <ActionButton size="sm" variant="secondary" onClick={save} disabled={pending} data-testid="status-save">
          {pending ? "Saving…" : "Set"}
        </ActionButton>
      </div>
      <p
        role="status"
        className={error ? "text-xs text-red-700" : "text-xs text-emerald-700"}
        data-testid="status-message"
      >
        {error?.message ?? done ?? ""}
      </p>
    </div>
  )
}
