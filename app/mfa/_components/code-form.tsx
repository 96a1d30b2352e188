"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { networkError, readApiError } from "@/lib/http/client-error"

export function CodeForm({ callbackUrl }: { callbackUrl: string }) {
  const [code, setCode] = useState("")
  const [pending, setPending] = useState(false)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setFieldError(null)
    setFormError(null)
    try {
      const response = await fetch("/api/mfa/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: code.trim() }),
      })
      if (response.ok) {
        // A full navigation, not router.push: the staff layout must re-read the now-verified session.
        window.location.assign(callbackUrl)
        return
      }
      const error = await readApiError(response)
      if (error.fieldErrors.code) setFieldError(error.fieldErrors.code)
      setFormError(error.message)
      setCode("")
    } catch {
      setFormError(networkError.message)
    }
    setPending(false)
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
