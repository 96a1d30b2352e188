"use client"

import { useEffect } from "react"
import { identifyPostHogUser } from "@/lib/analytics/client/posthog"

/** Mounted where the signed-in user is known (the portal layout): PostHog, if running, is told who they are. */
export function PostHogIdentify({ userId }: { userId: string }) {
  useEffect(() => identifyPostHogUser(userId), [userId])
  return null
}
