"use client"

import { useState, type FormEvent } from "react"
import { ROLE_BADGES } from "@/components/auth/role-badge"
import { ActionButton } from "@/components/ui/action-button"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { useMutation } from "@/components/ui/use-mutation"
import type { Role } from "@/generated/prisma/enums"
import { ALL_ROLES } from "@/lib/auth/roles"
import { EmailField } from "./email-field"

/** Team emails feed a datalist; any user's email works, which is how a subscriber becomes staff. */
export function RoleForm({ knownEmails }: { knownEmails: string[] }) {
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<Role>("SUPPORT")
  const [done, setDone] = useState<string | null>(null)
  const { pending, error, mutate } = useMutation({ refresh: true })
  const fieldErrors = error?.fieldErrors ?? {}

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setDone(null)
    const result = await mutate("/api/admin/team/role", { method: "PUT", body: { email: email.trim(), role } })
    if (!result?.ok) return
    setDone(`${email.trim()} is now ${ROLE_BADGES[role].label}. Their sessions were signed out.`)
    setEmail("")
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="role-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
        <EmailField
          id="role-email"
          label="Email"
          value={email}
          onChange={setEmail}
          suggestions={knownEmails}
          error={fieldErrors.email}
        />
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
                {ROLE_BADGES[option].label}
              </option>
            ))}
          </Select>
          {fieldErrors.role ? (
            <p id="role-role-error" className="mt-1.5 text-sm text-red-700">
              {fieldErrors.role}
            </p>
          ) : null}
        </div>
        <ActionButton type="submit" disabled={pending} className="sm:mt-6.5" data-testid="role-submit">
          {pending ? "Saving…" : "Change role"}
        </ActionButton>
      </div>
      <p className="text-xs text-slate-600">
        Only an owner can grant or take away the admin and owner roles. Nobody can change their own role.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : done ? (
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      ) : null}
    </form>
  )
}
