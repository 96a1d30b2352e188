"use client"

import { resetPostHogUser } from "@/lib/analytics/client/posthog"
import { cn } from "@/lib/utils/cn"

/**
 * Looks like a link, submits as a GET form: next-auth's sign-out page must be a full page load (it
 * is a route handler, not an app page), and that page then posts with next-auth's CSRF token.
 */
export function SignOutLink({ className }: { className?: string }) {
  return (
    // PostHog (when running) forgets the user before the sign-out page loads.
    <form action="/api/auth/signout" method="get" onSubmit={resetPostHogUser}>
      <button
        type="submit"
        className={cn(
          "cursor-pointer rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-900",
          className,
        )}
      >
        Sign out
      </button>
    </form>
  )
}
