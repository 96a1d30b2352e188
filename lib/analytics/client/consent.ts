import { postHogConsentChanged } from "./posthog"
import { setTrackerConsent } from "./tracker"

// The visitor's analytics choice in the browser. Accepting sets two cookies through POST
// /api/consent (acv_consent=granted, and the HttpOnly visitor id). Declining sets no cookie: the
// refusal is kept in localStorage so the banner does not ask again.

export type Consent = "granted" | "denied"

const CONSENT_COOKIE = "acv_consent"
const DECLINED_KEY = "acv_consent"

export function readConsent(): Consent | null {
  if (typeof document === "undefined") return null
  if (document.cookie.split(";").some((part) => part.trim() === `${CONSENT_COOKIE}=granted`)) return "granted"
  try {
    return window.localStorage.getItem(DECLINED_KEY) === "denied" ? "denied" : null
  } catch {
    return null
  }
}

/** Records the choice (server cookies for a grant, localStorage for a refusal) and tells the tracker. */
export async function chooseConsent(choice: Consent): Promise<void> {
  try {
    if (choice === "denied") window.localStorage.setItem(DECLINED_KEY, "denied")
    else window.localStorage.removeItem(DECLINED_KEY)
  } catch {
    // storage blocked: the banner may ask again next visit
  }
  const response = await fetch("/api/consent", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ choice }),
    credentials: "same-origin",
  })
  if (!response.ok) throw new Error(`consent was not saved (${response.status})`)
  setTrackerConsent(choice === "granted")
  postHogConsentChanged(choice === "granted")
}

const REOPEN_EVENT = "acv:consent-reopen"

/** A "cookie settings" link: shows the banner again, whatever was chosen before. */
export function reopenConsent(): void {
  window.dispatchEvent(new Event(REOPEN_EVENT))
}

/** The banner listens for reopenConsent; returns the unsubscribe. */
export function onConsentReopen(listener: () => void): () => void {
  window.addEventListener(REOPEN_EVENT, listener)
  return () => window.removeEventListener(REOPEN_EVENT, listener)
}
