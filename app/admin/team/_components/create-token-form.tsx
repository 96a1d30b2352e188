"use client"

import { useRouter } from "next/navigation"
import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { networkError, readApiError } from "@/lib/http/client-error"
import { EmailField } from "./email-field"
import { NewTokenNotice } from "./new-token-notice"

export function CreateTokenForm({ staffEmails }: { staffEmails: string[] }) {
  const router = useRouter()
  const [email, setEmail] = useState("")
  const [name, setName] = useState("")
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [token, setToken] = useState<string | null>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    setFieldErrors({})
    setToken(null)
    try {
      const response = await fetch("/api/admin/tokens", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: email.trim(), name: name.trim() }),
      })
      if (response.ok) {
        const created = (await response.json()) as { token: string; id: string }
        setToken(created.token)
        setName("")
        // refresh() re-renders the server list; this component keeps its state, so the token stays.
        router.refresh()
      } else {
        const failure = await readApiError(response)
        setFieldErrors(failure.fieldErrors)
        setError(failure.message)
      }
    } catch {
      setError(networkError.message)
    } finally {
      setPending(false)
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-start" data-testid="token-form" noValidate>
        <EmailField id="token-email" label="Staff email" value={email} onChange={setEmail} suggestions={staffEmails} error={fieldErrors.email} />
        <div>
          <Label htmlFor="token-name">Label</Label>
          <Input
            id="token-name"
            required
            maxLength={100}
            placeholder="e.g. Grafana scraper"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? "token-name-error" : undefined}
            data-testid="token-name"
          />
          {fieldErrors.name ? <p id="token-name-error" className="mt-1.5 text-sm text-red-700">{fieldErrors.name}</p> : null}
        </div>
        <ActionButton type="submit" disabled={pending} className="sm:mt-6.5" data-testid="token-submit">
          {pending ? "Creating…" : "Create token"}
        </ActionButton>
      </form>
      <InlineError message={error} />
      {token ? <NewTokenNotice token={token} onDismiss={() => setToken(null)} /> : null}
    </div>
  )
}
