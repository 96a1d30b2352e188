"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

type Credentials = { login: string; password: string; notes: string | null }

/**
 * Fetches the seat's credentials only when asked (each reveal is audited and rate limited) and
 * keeps them in memory only while shown.
 */
export function RevealCredentials({ orderId }: { orderId: string }) {
  const [credentials, setCredentials] = useState<Credentials | null>(null)
  const { pending, error, mutate } = useMutation<Credentials>({ onSuccess: setCredentials })
  const message =
    error?.status === 429 ? "You've revealed your credentials too often. Try again in an hour." : error?.message

  if (!credentials) {
    return (
      <div className="flex flex-col items-start gap-2">
        <ActionButton
          size="sm"
          onClick={() => mutate(`/api/account/orders/${encodeURIComponent(orderId)}/reveal`)}
          disabled={pending}
          data-testid="reveal-credentials"
        >
          {pending ? "Revealing…" : "Reveal credentials"}
        </ActionButton>
        <InlineError message={message} data-testid="reveal-error" />
      </div>
    )
  }

  return (
    <div
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
      data-testid="revealed-credentials"
    >
      <dl className="grid gap-3 sm:grid-cols-2">
        <Secret label="Login" value={credentials.login} testId="revealed-login" />
        <Secret label="Password" value={credentials.password} testId="revealed-password" />
        {credentials.notes ? <Secret label="Notes" value={credentials.notes} testId="revealed-notes" wide /> : null}
      </dl>
      <div>
        <ActionButton size="sm" variant="secondary" onClick={() => setCredentials(null)} data-testid="hide-credentials">
          Hide credentials
        </ActionButton>
      </div>
    </div>
  )
}

function Secret({ label, value, testId, wide }: { label: string; value: string; testId: string; wide?: boolean }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null)
  async function copy() {
    try {
      await navigator.clipboard.writeText(value)
      setCopied("yes")
    } catch {
      setCopied("failed")
    }
  }
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 flex flex-wrap items-center gap-2">
        <code
          className="rounded bg-white px-2 py-1 font-mono text-sm wrap-anywhere whitespace-pre-wrap text-slate-900 ring-1 ring-slate-200"
          data-testid={testId}
        >
          {value}
        </code>
        <ActionButton size="sm" variant="ghost" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </ActionButton>
        <span aria-live="polite" className="text-xs text-slate-600">
          {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed: select it by hand" : ""}
        </span>
      </dd>
    </div>
  )
}
