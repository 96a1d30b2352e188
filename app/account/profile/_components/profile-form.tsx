"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"

export function ProfileForm({ name: initial }: { name: string }) {
  const [name, setName] = useState(initial)
  const [saved, setSaved] = useState(false)
  const save = useMutation({ refresh: true, onSuccess: () => setSaved(true) })
  const message = save.error ? (save.error.fieldErrors.name ?? save.error.message) : null

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSaved(false)
    void save.mutate("/api/account/profile", { method: "PATCH", body: { name } })
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
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? "profile-name-error" : undefined}
          data-testid="profile-name"
        />
        {message ? (
          <p id="profile-name-error" className="mt-1.5 text-sm text-red-700">
            {message}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <ActionButton type="submit" disabled={save.pending} data-testid="profile-save">
          {save.pending ? "Saving…" : "Save"}
        </ActionButton>
        <p role="status" className="text-sm text-emerald-700">
          {saved ? "Saved." : ""}
        </p>
      </div>
    </form>
  )
}
