"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"

export function CodeForm({ callbackUrl }: { callbackUrl: string }) {
  const [code, setCode] = useState("")
  // A full navigation, not router.push: the staff layout must re-read the now-verified session.
  const { pending, error, mutate } = useMutation({
    leavesPage: true,
    onSuccess: () => window.location.assign(callbackUrl),
  })
  const fieldError = error?.fieldErrors.code ?? null
  const formError = error?.message ?? null

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const result = await mutate("/api/mfa/verify", { body: { code: code.trim() } })
    // A refused code is cleared for the next try; one the network lost is kept.
    if (result && !result.ok && result.error.status !== 0) setCode("")
  }

  const describedBy = ["mfa-code-hint", fieldError ? "mfa-code-error" : null].filter(Boolean).join(" ")

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div>
        <Label htmlFor="mfa-code">Enter the 6-digit code from your authenticator app</Label>
        <Input
          id="mfa-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, ""))}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={describedBy}
          className="font-mono text-lg tracking-[0.4em]"
          data-testid="mfa-code"
        />
        <p id="mfa-code-hint" className="mt-1.5 text-xs text-slate-600">
          The code changes every 30 seconds.
        </p>
        {fieldError ? (
          <p id="mfa-code-error" className="mt-1.5 text-sm text-red-700">
            {fieldError}
          </p>
        ) : null}
      </div>
      {formError ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      <ActionButton type="submit" size="lg" disabled={pending} data-testid="mfa-submit">
        {pending ? "Checking…" : "Verify"}
      </ActionButton>
    </form>
  )
}
