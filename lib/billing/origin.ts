import { env } from "@/lib/env"

/**
 * Where this app is reached: NEXTAUTH_URL, which scripts/start.ts always sets (and production
 * requires). Never the request's Host header, which the client writes: test-mode payments post
 * their webhooks to this origin and checkouts redirect to it. Tests that call handlers without
 * NEXTAUTH_URL get the request's own origin.
 */
export function appOrigin(request?: Request): string {
  const configured = env().NEXTAUTH_URL
  if (configured) return new URL(configured).origin
  if (request && env().NODE_ENV === "test") return new URL(request.url).origin
  throw new Error("NEXTAUTH_URL is not set: start the app with npm start, or set it")
}
