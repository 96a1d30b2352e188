import { type PolicyOptions, STATIC_POLICY_SOURCE, staticPolicy } from "./content-security-policy"

// The security headers on every response, and the static Content-Security-Policy, for
// next.config.ts `headers()`. They are fixed when the app is built (Next writes them into the
// routes manifest), so build with the deployment's NEXTAUTH_URL. The nonce policy is proxy.ts's.

export type Header = { key: string; value: string }
export type HeaderRoute = { source: string; headers: Header[] }

/** Two years, every subdomain; only in production on https (PolicyOptions.https), never on http://localhost. */
export const HSTS = "max-age=63072000; includeSubDomains"

export function securityHeaders({ hsts }: { hsts: boolean }): Header[] {
  return [
    // Superseded by frame-ancestors where CSP is understood; for older browsers.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Polar's checkout is a redirect to its own site: no page here asks for payment or devices.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    ...(hsts ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ]
}

/** For next.config.ts: the headers above everywhere, the static policy outside the nonce sections. */
export function headerRoutes(options: PolicyOptions): HeaderRoute[] {
  return [
    { source: "/:path*", headers: securityHeaders({ hsts: options.https }) },
    { source: STATIC_POLICY_SOURCE, headers: [{ key: "Content-Security-Policy", value: staticPolicy(options) }] },
  ]
}
