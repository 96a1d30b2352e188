"use client"

import { useRouter } from "next/navigation"
import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { networkError, readApiError } from "@/lib/http/client-error"

export function ProfileForm({ name: initial }: { name: string }) {
  const router = useRouter()
  const [name, setName] = useState(initial)
  const [state, setState] = useState<{ kind: "idle" | "saving" | "saved" } | { kind: "error"; message: string }>({ kind: "idle" })

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setState({ kind: "saving" })
    try {
      const response = await fetch("/api/account/profile", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) })
      if (!response.ok) {
        const failure = await readApiError(response)
        setState({ kind: "error", message: failure.fieldErrors.name ?? failure.message })
        return
      }
      setState({ kind: "saved" })
      router.refresh()
    } catch {
      setState({ kind: "error", message: networkError.message })
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div>
        <Label htmlFor="profile-name">Name</Label>
        <Input
          id="profile-name"
          autoComplete="name"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={state.kind === "error" ? true : undefined}
          aria-describedby={state.kind === "error" ? "profile-name-error" : undefined}
          data-testid="profile-name"
        />
        {state.kind === "error" ? (
          <p id="profile-name-error" className="mt-1.5 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <ActionButton type="submit" disabled={state.kind === "saving"} data-testid="profile-save">
          {state.kind === "saving" ? "Saving…" : "Save"}
        </ActionButton>
        <p role="status" className="text-sm text-emerald-700">
          {state.kind === "saved" ? "Saved." : ""}
        </p>
      </div>
    </form>
  )
}
