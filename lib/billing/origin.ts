import { env } from "@/lib/env"

/** Where this app is reached: NEXTAUTH_URL when set (it always is under scripts/start.ts), else the request's own origin. */
export function appOrigin(request?: Request): string {
  const configured = env().NEXTAUTH_URL
  if (configured) return new URL(configured).origin
  if (request) return new URL(request.url).origin
  throw new Error("NEXTAUTH_URL is not set and there is no request to take the origin from")
}
