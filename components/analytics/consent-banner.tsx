"use client"

import { useEffect, useRef, useState, useSyncExternalStore } from "react"
import { ActionButton } from "@/components/ui/action-button"
import {
  chooseConsent,
  type Consent,
  onConsentReopen,
  readConsent,
  reopenConsent,
} from "@/lib/analytics/client/consent"

const listeners = new Set<() => void>()
function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Asks once for analytics consent, as a non-modal region at the bottom of the page (it never traps
 * focus or hides content). Until the visitor answers, and after a refusal, no cookie is set.
 */
export function ConsentBanner() {
  // On the server and before hydration: no banner (the choice lives in the browser).
  const consent = useSyncExternalStore(subscribe, readConsent, () => "unknown" as const)
  const [failed, setFailed] = useState(false)
  const [saving, setSaving] = useState(false)
  // Reopened from a "Cookie settings" link: shown again, focused so keyboard users land in it.
  const [reopened, setReopened] = useState(false)
  const region = useRef<HTMLElement>(null)
  useEffect(() => onConsentReopen(() => setReopened(true)), [])
  useEffect(() => {
    if (reopened) region.current?.focus()
  }, [reopened])
  if (consent !== null && !reopened) return null

  async function choose(choice: Consent) {
    setSaving(true)
    setFailed(false)
    try {
      await chooseConsent(choice)
      setReopened(false)
    } catch {
      setFailed(true)
    } finally {
      setSaving(false)
      for (const listener of listeners) listener()
    }
  }

  return (
    <section
      ref={region}
      tabIndex={-1}
      role="region"
      aria-labelledby="consent-title"
      aria-describedby="consent-text"
      className="fixed inset-x-0 bottom-0 z-50 border-t border-slate-200 bg-white/95 shadow-lg backdrop-blur"
    >
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <div className="text-sm text-slate-700">
          <h2 id="consent-title" className="font-semibold text-slate-900">
            Analytics cookies
          </h2>
          <p id="consent-text" className="mt-1 max-w-2xl">
            We count visits with our own analytics, without cookies and without storing your IP address. Accept to let
            us recognise this browser on later visits with one first-party cookie (kept for a year); decline and nothing
            is stored in a cookie.
            {consent === "granted" || consent === "denied"
              ? ` You have ${consent === "granted" ? "accepted" : "declined"}; you can change that here.`
              : null}
          </p>
          {failed ? (
            <p role="alert" className="mt-1 text-red-700">
              Your choice could not be saved. Please try again.
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 gap-2">
          <ActionButton variant="secondary" onClick={() => void choose("denied")} disabled={saving}>
            Decline
          </ActionButton>
          <ActionButton onClick={() => void choose("granted")} disabled={saving}>
            Accept
          </ActionButton>
        </div>
      </div>
    </section>
  )
}

/** Reopens the banner so a visitor can change an earlier choice (footer, profile page). */
export function ConsentSettingsButton({ className }: { className?: string }) {
  return (
    <button type="button" onClick={reopenConsent} className={className ?? "cursor-pointer hover:text-slate-900"}>
      Cookie settings
    </button>
  )
}
