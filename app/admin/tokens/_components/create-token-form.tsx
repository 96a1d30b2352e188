"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { useMutation } from "@/components/ui/use-mutation"
import { DEFAULT_TOKEN_DAYS, TOKEN_DAY_CHOICES, TOKEN_SCOPES, type ApiTokenScope } from "@/lib/auth/token-scopes"
import { NewTokenNotice } from "./new-token-notice"
import { SCOPE_LABELS } from "./scope-labels"

/** Mints a token for the signed-in staff member; nobody mints for anyone else. */
export function CreateTokenForm() {
  const [name, setName] = useState("")
  const [scopes, setScopes] = useState<ApiTokenScope[]>(["read"])
  const [days, setDays] = useState<number>(DEFAULT_TOKEN_DAYS)
  const [token, setToken] = useState<string | null>(null)
  // refresh() re-renders the server list; this component keeps its state, so the token stays.
  const { pending, error, mutate } = useMutation<{ token: string; id: string }>({
    refresh: true,
    onSuccess: (created) => {
      setToken(created.token)
      setName("")
    },
  })
  const fieldErrors = error?.fieldErrors ?? {}

  function toggle(scope: ApiTokenScope) {
    setScopes((current) => (current.includes(scope) ? current.filter((s) => s !== scope) : [...current, scope]))
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setToken(null)
    void mutate("/api/admin/tokens", {
      body: { name: name.trim(), scopes: TOKEN_SCOPES.filter((s) => scopes.includes(s)), expiresInDays: days },
    })
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-5" data-testid="token-form" noValidate>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
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
            <FieldError id="token-name-error" message={fieldErrors.name} />
          </div>
          <div>
            <Label htmlFor="token-expiry">Expires after</Label>
            <Select
              id="token-expiry"
              value={days}
              onChange={(event) => setDays(Number(event.target.value))}
              aria-invalid={fieldErrors.expiresInDays ? true : undefined}
              aria-describedby={fieldErrors.expiresInDays ? "token-expiry-error" : undefined}
              data-testid="token-expiry"
            >
              {TOKEN_DAY_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice} days
                </option>
              ))}
            </Select>
            <FieldError id="token-expiry-error" message={fieldErrors.expiresInDays} />
          </div>
        </div>
        <fieldset
          aria-describedby={fieldErrors.scopes ? "token-scopes-error" : "token-scopes-help"}
          data-testid="token-scopes"
        >
          <legend className="mb-1.5 text-sm font-medium text-slate-800">Scopes</legend>
          <p id="token-scopes-help" className="mb-2 text-xs text-slate-600">
            A token never does more than your role allows. Writes need the scope of the route they call.
          </p>
          <div className="grid gap-2 sm:grid-cols-2">
            {TOKEN_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 rounded-lg border border-slate-200 p-3 text-sm">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  checked={scopes.includes(scope)}
                  onChange={() => toggle(scope)}
                  className="mt-0.5 size-4 accent-brand-600"
                  data-testid={`token-scope-${scope}`}
                />
                <span>
                  <span className="block font-medium text-slate-900">{SCOPE_LABELS[scope].label}</span>
                  <span className="block text-xs text-slate-600">{SCOPE_LABELS[scope].help}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="token-scopes-error" message={fieldErrors.scopes} />
        </fieldset>
        <div>
          <ActionButton type="submit" disabled={pending} data-testid="token-submit">
            {pending ? "Creating…" : "Create token"}
          </ActionButton>
        </div>
      </form>
      <InlineError message={error?.message} />
      {token ? <NewTokenNotice token={token} onDismiss={() => setToken(null)} /> : null}
    </div>
  )
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="mt-1.5 text-sm text-red-700">
      {message}
    </p>
  ) : null
}
