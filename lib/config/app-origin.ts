import { env } from "@/lib/env"

// Where this app is reached: NEXTAUTH_URL, which scripts/start.ts always sets (and production
// requires). Never the request's Host header, which the client writes: test-mode payments post
// their webhooks to this origin, checkouts redirect to it and cross-site checks compare with it.
// Integration tests set it to the origin their requests use (lib/testing/setup-integration.ts).

/** NEXTAUTH_URL's origin, or undefined when it is not set. */
export function configuredOrigin(): string | undefined {
  const configured = env().NEXTAUTH_URL
  return configured ? new URL(configured).origin : undefined
}

/** NEXTAUTH_URL's origin; throws when it is not set (a link or a callback needs a real address). */
export function appOrigin(): string {
  const origin = configuredOrigin()
  if (origin) return origin
  throw new Error("NEXTAUTH_URL is not set: start the app with npm start, or set it")
}
