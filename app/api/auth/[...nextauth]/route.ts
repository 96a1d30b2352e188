import { safeCallbackUrl } from "@/lib/auth/callback-url"
import { CONFIRM_PATH } from "@/lib/auth/magic-link"
import { authOptions } from "@/lib/auth/options"
import { sessionCookieName } from "@/lib/auth/session"
import { recordSessionDevice } from "@/lib/auth/sessions"
import { failedSignInOf } from "@/lib/auth/sign-in-failure"
import { limitSignInLinkRequest } from "@/lib/auth/sign-in-limits"
import { AppError } from "@/lib/errors"
import { clientAddress } from "@/lib/http/client-address"
import { errorResponse } from "@/lib/http/errors"
import { readNextAuthBody, runNextAuth, type NextAuthBody } from "@/lib/http/next-auth-handler"
import { recordFailedSignIn, recordRateLimited } from "@/lib/security/refusals"

// next-auth's own handler (sign-in, callback, sign-out); every other API route uses lib/http's
// wrapper. Around next-auth: link requests are limited per recipient and network, the emailed
// link's GET never reaches the callback (it opens the confirm page, whose button POSTs: scanners
// only GET), failed callbacks are security events, and a new session notes its browser.
type Context = { params: Promise<{ nextauth?: string[] }> }

async function handler(request: Request, context: Context): Promise<Response> {
  const segments = (await context.params).nextauth ?? []
  const [action, provider] = segments
  const emailCallback = action === "callback" && provider === "email"
  if (emailCallback && request.method === "GET") return toConfirmPage(request)
  try {
    const body = await readNextAuthBody(request)
    if (request.method === "POST" && action === "signin" && provider === "email") {
      const refusal = await limitLinkRequest(request, body)
      if (refusal) return refusal
    }
    // Another site's form posting a link into our callback would sign the browser in as whoever the link is for.
    const site = request.headers.get("sec-fetch-site")
    if (emailCallback && site && site !== "same-origin")
      throw new AppError("forbidden", "confirm the sign-in on our own page")
    const response = await runNextAuth(request, segments, authOptions(), body)
    if (action === "callback") await afterCallback(request, response)
    return response
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error.code, error.message, error.details)
    throw error
  }
}

/** The emailed link (and any link sent before the confirm page existed) lands on the confirm page, token untouched. */
function toConfirmPage(request: Request): Response {
  const { search } = new URL(request.url)
  return new Response(null, {
    status: 303,
    headers: { location: `${CONFIRM_PATH}${search}`, "cache-control": "no-store", "referrer-policy": "no-referrer" },
  })
}

/**
 * 429 with Retry-After when the recipient or the network asked for too many links. The body is our
 * error shape plus the `url` next-auth's signIn() navigates to: the sign-in page, saying why.
 */
async function limitLinkRequest(request: Request, body: NextAuthBody): Promise<Response | null> {
  const ip = clientAddress(request)
  const email = typeof body?.email === "string" ? body.email : null
  const decision = await limitSignInLinkRequest({ email, ip })
  if (decision.allowed) return null
  await recordRateLimited({ caller: decision.key, route: "/api/auth/signin/email", method: "POST", ip })
  const callbackUrl = safeCallbackUrl(typeof body?.callbackUrl === "string" ? body.callbackUrl : undefined, "")
  const url = `/signin?${new URLSearchParams({ error: "RateLimited", ...(callbackUrl ? { callbackUrl } : {}) })}`
  const error = {
    code: "rate_limited",
    message: "too many sign-in links asked for, wait a few minutes",
    details: { retryAfterSeconds: decision.retryAfterSeconds },
  }
  return Response.json({ url, error }, { status: 429, headers: { "retry-after": String(decision.retryAfterSeconds) } })
}

async function afterCallback(request: Request, response: Response): Promise<void> {
  // A callback that ends on next-auth's error page is a failed sign-in (an invalid or expired link).
  const failure = failedSignInOf(request.url, response.headers.get("location"))
  if (failure) await recordFailedSignIn({ ...failure, ip: clientAddress(request) })
  const name = `${sessionCookieName()}=`
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(name))
  const sessionToken = cookie ? decodeURIComponent(cookie.slice(name.length).split(";")[0]!) : ""
  if (sessionToken) await recordSessionDevice({ sessionToken, userAgent: request.headers.get("user-agent") })
}

export { handler as GET, handler as POST }
