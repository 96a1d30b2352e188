/**
 * The provider and reason when next-auth answers a sign-in callback by sending the browser to an
 * error page (`?error=Verification` for an invalid or expired magic link, `OAuthCallback`, ...);
 * null for anything else, a successful callback included. `location` is its answer's Location
 * header (null without one).
 */
export function failedSignInOf(
  requestUrl: string,
  location: string | null,
): { provider: string; reason: string } | null {
  const match = /^\/api\/auth\/callback\/([^/]+)\/?$/.exec(new URL(requestUrl).pathname)
  if (!match || !location) return null
  let reason: string | null
  try {
    reason = new URL(location, requestUrl).searchParams.get("error")
  } catch {
    return null
  }
  return reason ? { provider: match[1]!.slice(0, 50), reason: reason.slice(0, 100) } : null
}
