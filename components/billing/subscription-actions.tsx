"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { ConfirmButton } from "@/components/ui/confirm-button"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { useMutation } from "@/components/ui/use-mutation"

export type SubscriptionActionsProps = {
  subscriptionId: string
  planId: string
  cancelAtPeriodEnd: boolean
  ended: boolean
  plans: { id: string; label: string }[]
}

type Message = { tone: "error" | "ok"; text: string }

/** Cancel at period end, resume, switch plan, update the payment method. The server does the rules. */
export function SubscriptionActions({
  subscriptionId,
  planId,
  cancelAtPeriodEnd,
  ended,
  plans,
}: SubscriptionActionsProps) {
  const router = useRouter()
  const change = useMutation()
  const portal = useMutation<{ url: string }>()
  const [changing, setChanging] = useState<"resume" | "change" | null>(null)
  const [nextPlan, setNextPlan] = useState(plans.find((plan) => plan.id !== planId)?.id ?? "")
  const [message, setMessage] = useState<Message | null>(null)
  const busy = change.pending || portal.pending

  async function call(action: "resume" | "change", path: string, body: object, done: string) {
    setChanging(action)
    setMessage(null)
    const result = await change.mutate(path, { body })
    if (!result) return
    setMessage(result.ok ? { tone: "ok", text: done } : { tone: "error", text: result.error.message })
    if (result.ok) router.refresh()
  }

  async function openBillingPortal() {
    setMessage(null)
    const result = await portal.mutate("/api/account/billing-portal", { method: "GET" })
    if (result?.ok) window.location.assign(result.data.url)
    else if (result) setMessage({ tone: "error", text: result.error.message })
  }

  if (ended) return null
  const others = plans.filter((plan) => plan.id !== planId)
  return (
    <section
      aria-labelledby="manage-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-surface p-5 shadow-sm"
      data-testid="subscription-actions"
    >
      <h2 id="manage-heading" className="text-lg font-semibold text-slate-900">
        Manage your subscription
      </h2>
      {others.length > 0 && !cancelAtPeriodEnd ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Label htmlFor="next-plan">Switch to</Label>
            <Select
              id="next-plan"
              value={nextPlan}
              onChange={(event) => setNextPlan(event.target.value)}
              data-testid="change-plan-select"
            >
              {others.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.label}
                </option>
              ))}
            </Select>
          </div>
          <ActionButton
            variant="secondary"
            disabled={busy || !nextPlan}
            onClick={() =>
              call(
                "change",
                "/api/account/subscription/change-plan",
                { subscriptionId, planId: nextPlan },
                "Your plan has been changed.",
              )
            }
            data-testid="change-plan"
          >
            {change.pending && changing === "change" ? "Switching…" : "Switch plan"}
          </ActionButton>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <ActionButton variant="secondary" disabled={busy} onClick={openBillingPortal} data-testid="billing-portal">
          {portal.pending ? "Opening…" : "Update payment method"}
        </ActionButton>
        {cancelAtPeriodEnd ? (
          <ActionButton
            disabled={busy}
            onClick={() =>
              call(
                "resume",
                "/api/account/subscription/resume",
                { subscriptionId },
                "Your subscription will renew as usual.",
              )
            }
            data-testid="resume-subscription"
          >
            {change.pending && changing === "resume" ? "Resuming…" : "Resume subscription"}
          </ActionButton>
        ) : (
          <ConfirmButton
            path="/api/account/subscription/cancel"
            body={{ subscriptionId }}
            onDone={() =>
              setMessage({ tone: "ok", text: "Canceled: your seat stays active until the end of the paid period." })
            }
            confirmLabel="Yes, cancel at period end"
            pendingLabel="Canceling…"
            cancelLabel="Keep it"
            testId="cancel-subscription"
            confirmTestId="confirm-cancel"
            size="md"
            variant="ghost"
            disabled={busy}
          >
            Cancel subscription
          </ConfirmButton>
        )}
      </div>
      <p role="status" className={message?.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
        {message?.text ?? ""}
      </p>
    </section>
  )
}
