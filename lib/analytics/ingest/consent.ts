import { env } from "@/lib/env"
import type { ConsentChoice } from "./schemas"
import {
  CONSENT_COOKIE,
  consentedVisitorId,
  newVisitorId,
  VISITOR_COOKIE,
  VISITOR_COOKIE_MAX_AGE_SECONDS,
} from "./visitor"

/**
 * The Set-Cookie headers for a consent choice. Granted: acv_consent=granted (readable by the page,
 * so the banner stays away) and acv_vid, a random id (HttpOnly: only the server needs it), both for
 * a year, SameSite=Lax, Secure when the site is served over https. A visitor who had an id keeps
 * it. Denied: both are cleared; the page remembers a refusal in localStorage, not in a cookie.
 */
export function consentCookies(choice: ConsentChoice, cookieHeader: string | null): string[] {
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ? "; Secure" : ""
  if (choice === "denied") {
    return [CONSENT_COOKIE, VISITOR_COOKIE].map((name) => `${name}=; Path=/; Max-Age=0; SameSite=Lax${secure}`)
  }
  const id = consentedVisitorId(cookieHeader) ?? newVisitorId()
  const common = `Path=/; Max-Age=${VISITOR_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${secure}`
  return [`${CONSENT_COOKIE}=granted; ${common}`, `${VISITOR_COOKIE}=${id}; ${common}; HttpOnly`]
}
