"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"
import type { ErrorGroupStatus } from "@/generated/prisma/enums"

const ACTIONS: Array<{ to: ErrorGroupStatus; label: string; pendingLabel: string }> = [
  { to: "RESOLVED", label: "Resolve", pendingLabel: "Resolving…" },
  { to: "IGNORED", label: "Ignore", pendingLabel: "Ignoring…" },
  { to: "OPEN", label: "Reopen", pendingLabel: "Reopening…" },
]

/** Triage: resolve (a later sighting is a regression), ignore (keeps counting quietly) or reopen. */
export function StatusButtons({
  groupId,
  status,
  label,
}: {
  groupId: string
  status: ErrorGroupStatus
  label: string
}) {
  const { pending, error, mutate } = useMutation({ refresh: true })
  const [chosen, setChosen] = useState<ErrorGroupStatus | null>(null)
  const available = ACTIONS.filter((action) => action.to !== status)

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {available.map((action) => (
          <ActionButton
            key={action.to}
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => {
              setChosen(action.to)
              void mutate(`/api/admin/errors/${encodeURIComponent(groupId)}/status`, { body: { status: action.to } })
            }}
            aria-label={`${action.label}: ${label}`}
            data-testid={`error-${action.to.toLowerCase()}`}
          >
            {pending && chosen === action.to ? action.pendingLabel : action.label}
          </ActionButton>
        ))}
      </div>
      <InlineError message={error?.message} className="max-w-56 text-right text-xs" />
    </div>
  )
}
