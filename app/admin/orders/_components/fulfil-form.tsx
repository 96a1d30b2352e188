"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { fieldClasses, Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"
import { cn } from "@/lib/utils/cn"

type Field = "login" | "password" | "notes"

const EMPTY: Record<Field, string> = { login: "", password: "", notes: "" }

/** Delivers the seat. The values go to the API once and are cleared; they are stored only encrypted. */
export function FulfilForm({ orderId }: { orderId: string }) {
  const [values, setValues] = useState<Record<Field, string>>(EMPTY)
  const [showPassword, setShowPassword] = useState(false)
  const { pending, error, mutate } = useMutation({ refresh: true, onSuccess: () => setValues(EMPTY) })
  const fieldErrors = error?.fieldErrors ?? {}

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void mutate(`/api/admin/orders/${encodeURIComponent(orderId)}/fulfil`, {
      body: { login: values.login, password: values.password, notes: values.notes || undefined },
    })
  }

  const field = (name: Field) => ({
    id: `fulfil-${name}`,
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `fulfil-${name}-error` : undefined,
    "data-testid": `fulfil-${name}`,
  })
  const fieldError = (name: Field) =>
    fieldErrors[name] ? (
      <p id={`fulfil-${name}-error`} className="mt-1.5 text-sm text-red-700">
        {fieldErrors[name]}
      </p>
    ) : null

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4"
      data-testid="fulfil-form"
      aria-label="Fulfil this order"
    >
      <div>
        <Label htmlFor="fulfil-login">Seat login</Label>
        <Input {...field("login")} required maxLength={200} autoComplete="off" spellCheck={false} />
        {fieldError("login")}
      </div>
      <div>
        <Label htmlFor="fulfil-password">Seat password</Label>
        <div className="flex gap-2">
          <Input
            {...field("password")}
            type={showPassword ? "text" : "password"}
            required
            maxLength={200}
            autoComplete="new-password"
            spellCheck={false}
          />
          <ActionButton
            variant="secondary"
            onClick={() => setShowPassword((shown) => !shown)}
            aria-pressed={showPassword}
            aria-controls="fulfil-password"
            data-testid="fulfil-password-toggle"
          >
            {showPassword ? "Hide" : "Show"}
          </ActionButton>
        </div>
        {fieldError("password")}
      </div>
      <div>
        <Label htmlFor="fulfil-notes">Notes for the subscriber (optional)</Label>
        <textarea {...field("notes")} maxLength={2000} rows={3} className={cn(fieldClasses, "py-2")} />
        {fieldError("notes")}
      </div>
      <InlineError message={error?.message} data-testid="fulfil-error" />
      <div>
        <ActionButton type="submit" disabled={pending} data-testid="fulfil-submit">
          {pending ? "Saving…" : "Mark fulfilled"}
        </ActionButton>
      </div>
      <p className="text-xs text-slate-600">
        Stored encrypted. The subscriber sees them only in their portal after signing in; they are never emailed.
      </p>
    </form>
  )
}
