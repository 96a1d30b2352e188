"use client"

import { useRouter } from "next/navigation"
import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import type { Role } from "@/generated/prisma/enums"
import { ALL_ROLES } from "@/lib/auth/roles"
import { networkError, readApiError } from "@/lib/http/client-error"
import { ROLE_LABELS } from "./role-badge"
import { EmailField } from "./email-field"

type Result = { kind: "success" | "error"; message: string }

/** Team emails feed a datalist; any user's email works, which is how a subscriber becomes staff. */
export function RoleForm({ knownEmails }: { knownEmails: string[] }) {
  const router = useRouter()
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<Role>("SUPPORT")
  const [pending, setPending] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setResult(null)
    setFieldErrors({})
    try {
      const response = await fetch("/api/admin/team/role", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: email.trim(), role }),
      })
      if (response.ok) {
        setResult({ kind: "success", message: `${email.trim()} is now ${ROLE_LABELS[role]}. Their sessions were signed out.` })
        setEmail("")
        router.refresh()
      } else {
        const error = await readApiError(response)
        setFieldErrors(error.fieldErrors)
        setResult({ kind: "error", message: error.message })
      }
    } catch {
      setResult({ kind: "error", message: networkError.message })
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="role-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
        <EmailField id="role-email" label="Email" value={email} onChange={setEmail} suggestions={knownEmails} error={fieldErrors.email} />
        <div>
          <Label htmlFor="role-role">New role</Label>
          <Select
            id="role-role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            aria-invalid={fieldErrors.role ? true : undefined}
            aria-describedby={fieldErrors.role ? "role-role-error" : undefined}
            data-testid="role-select"
          >
            {ALL_ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </Select>
          {fieldErrors.role ? <p id="role-role-error" className="mt-1.5 text-sm text-red-700">{fieldErrors.role}</p> : null}
        </div>
        <ActionButton type="submit" disabled={pending} className="sm:mt-6.5" data-testid="role-submit">
          {pending ? "Saving…" : "Change role"}
        </ActionButton>
      </div>
      <p className="text-xs text-slate-600">Only an owner can grant or take away the admin and owner roles. Nobody can change their own role.</p>
      {result ? (
        <p
          role={result.kind === "error" ? "alert" : "status"}
          className={result.kind === "error" ? "text-sm text-red-700" : "text-sm text-emerald-800"}
        >
          {result.message}
        </p>
      ) : null}
    </form>
  )
}
