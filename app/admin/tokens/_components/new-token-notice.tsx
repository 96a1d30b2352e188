"use client"

import { useState } from "react"
import { ActionButton } from "@/components/ui/action-button"

/** The only time the token is visible: we keep just its hash. */
export function NewTokenNotice({ token, onDismiss }: { token: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null)

  async function copy() {
    try {
      await navigator.clipboard.writeText(token)
      setCopied("yes")
    } catch {
      // Clipboard access can be denied (permissions, insecure origin); the text stays selectable.
      setCopied("failed")
    }
  }

  return (
    <div role="status" className="flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">Copy this token now. It will not be shown again.</p>
      <label htmlFor="new-token" className="sr-only">
        New API token
      </label>
      <input
        id="new-token"
        readOnly
        value={token}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        data-testid="token-value"
      />
      <div className="flex flex-wrap items-center gap-2">
        <ActionButton size="sm" onClick={copy} data-testid="token-copy">
          Copy token
        </ActionButton>
        <ActionButton size="sm" variant="ghost" onClick={onDismiss}>
          I&apos;ve saved it
        </ActionButton>
        <span aria-live="polite" className="text-sm text-amber-900">
          {copied === "yes"
            ? "Copied to the clipboard."
            : copied === "failed"
              ? "Copy failed: select the token and copy it by hand."
              : ""}
        </span>
      </div>
    </div>
  )
}
