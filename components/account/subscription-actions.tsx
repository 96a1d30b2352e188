"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { networkError, readApiError } from "@/lib/http/client-error"

export type SubscriptionActionsProps = {
  subscriptionId: string
  planId: string
  cancelAtPeriodEnd: boolean
  ended: boolean
  plans: { id: string; label: string }[]
}

type Pending = null | "cancel" | "resume" | "change" | "billing"

/** Cancel at period end, resume, switch plan, update the payment method. The server does the rules. */
export function SubscriptionActions({ subscriptionId, planId, cancelAtPeriodEnd, ended, plans }: SubscriptionActionsProps) {
  const router = useRouter()
  const [pending, setPending] = useState<Pending>(null)
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const [nextPlan, setNextPlan] = useState(plans.find((plan) => plan.id !== planId)?.id ?? "")
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null)

  async function call(action: Exclude<Pending, null>, path: string, body: object, done: string) {
    setPending(action)
    setMessage(null)
    try {
      const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      if (!response.ok) return setMessage({ tone: "error", text: (await readApiError(response)).message })
      setMessage({ tone: "ok", text: done })
      setConfirmingCancel(false)
      router.refresh()
    } catch {
      setMessage({ tone: "error", text: networkError.message })
    } finally {
      setPending(null)
    }
  }

  async function openBillingPortal() {
    setPending("billing")
    setMessage(null)
    try {
      const response = await fetch("/api/account/billing-portal")
      if (!response.ok) return setMessage({ tone: "error", text: (await readApiError(response)).message })
      const { url } = (await response.json()) as { url: string }
      window.location.assign(url)
    } catch {
      setMessage({ tone: "error", text: networkError.message })
    } finally {
      setPending(null)
    }
  }

  if (ended) return null
  const others = plans.filter((plan) => plan.id !== planId)
  return (
    <section aria-labelledby="manage-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm" data-testid="subscription-actions">
      <h2 id="manage-heading" className="text-lg font-semibold text-slate-900">
        Manage your subscription
      </h2>
      {others.length > 0 && !cancelAtPeriodEnd ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Label htmlFor="next-plan">Switch to</Label>
            <Select id="next-plan" value={nextPlan} onChange={(event) => setNextPlan(event.target.value)} data-testid="change-plan-select">
              {others.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.label}
                </option>
              ))}
            </Select>
          </div>
          <ActionButton variant="secondary" disabled={pending !== null || !nextPlan} onClick={() => call("change", "/api/account/subscription/change-plan", { subscriptionId, planId: nextPlan }, "Your plan has been changed.")} data-testid="change-plan">
            {pending === "change" ? "Switching…" : "Switch plan"}
          </ActionButton>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <ActionButton variant="secondary" disabled={pending !== null} onClick={openBillingPortal} data-testid="billing-portal">
          {pending === "billing" ? "Opening…" : "Update payment method"}
        </ActionButton>
        {cancelAtPeriodEnd ? (
          <ActionButton disabled={pending !== null} onClick={() => call("resume", "/api/account/subscription/resume", { subscriptionId }, "Your subscription will renew as usual.")} data-testid="resume-subscription">
            {pending === "resume" ? "Resuming…" : "Resume subscription"}
          </ActionButton>
        ) : confirmingCancel ? (
          <>
            <ActionButton variant="danger" disabled={pending !== null} onClick={() => call("cancel", "/api/account/subscription/cancel", { subscriptionId }, "Canceled: your seat stays active until the end of the paid period.")} data-testid="confirm-cancel">
              {pending === "cancel" ? "Canceling…" : "Yes, cancel at period end"}
            </ActionButton>
            <ActionButton variant="ghost" disabled={pending !== null} onClick={() => setConfirmingCancel(false)}>
              Keep it
            </ActionButton>
          </>
        ) : (
          <ActionButton variant="ghost" disabled={pending !== null} onClick={() => setConfirmingCancel(true)} data-testid="cancel-subscription">
            Cancel subscription
          </ActionButton>
        )}
      </div>
      <p role="status" className={message?.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {message?.text ?? ""}
      </p>
    </section>
  )
}
