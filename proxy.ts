import { type NextRequest, NextResponse } from "next/server"
import { env } from "@/lib/env"
import {
  createNonce,
  entersNonceSection,
  noncePolicy,
  type PolicyOptions,
  policyOptions,
} from "@/lib/security/content-security-policy"
import { HSTS } from "@/lib/security/headers"

// The nonce Content-Security-Policy of the signed-in and sign-in pages (lib/security/
// content-security-policy.ts). Next reads the nonce from the request's Content-Security-Policy
// header and stamps it on every script it renders; those pages are dynamic, so each gets its own.
// HSTS is decided here at run time as well: next.config.ts's headers were fixed at build.

let options: PolicyOptions | undefined

export function proxy(request: NextRequest): NextResponse {
  // Anything but an RSC payload makes Next's router load the page as a new document, under this policy.
  if (entersNonceSection({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers })) {
    return new NextResponse(null, { status: 204, headers: { "cache-control": "no-store" } })
  }
  options ??= policyOptions(env())
  const policy = noncePolicy(createNonce(), options)
  const headers = new Headers(request.headers)
  headers.set("content-security-policy", policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set("content-security-policy", policy)
  if (options.https) response.headers.set("strict-transport-security", HSTS)
  return response
}

// Static (Next parses it at build): the sections of NONCE_SECTIONS, which a unit test keeps in step.
// Prefetches carry no document, so they need no policy.
export const config = {
  matcher: [
    {
      source: "/(account|admin|checkout|dev|mfa|signin)/:path*",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
}
