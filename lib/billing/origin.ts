import { env } from "@/lib/env"

/**
 * Where this app is reached: NEXTAUTH_URL, which scripts/start.ts always sets (and production
 * requires). Never the request's Host header, which the client writes: test-mode payments post
 * their webhooks to this origin and checkouts redirect to it. Integration tests set it to the
 * origin their requests use (lib/testing/setup-integration.ts).
 */
export function appOrigin(): string {
  const configured = env().NEXTAUTH_URL
  if (configured) return new URL(configured).origin
  throw new Error("NEXTAUTH_URL is not set: start the app with npm start, or set it")
}
