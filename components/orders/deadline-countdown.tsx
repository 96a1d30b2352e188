"use client"

import { useEffect, useState } from "react"
import { describeDeadline } from "@/lib/orders/countdown"
import { cn } from "@/lib/utils/cn"

const TONES = {
  overdue: "font-semibold text-red-700",
  soon: "font-medium text-amber-800",
  normal: "text-slate-700",
} as const

/**
 * "due in 5h 12m" / "overdue by 1h 3m", ticking every second. The first render uses the server's
 * `now` so the markup hydrates unchanged; the browser's clock takes over at the first tick.
 */
export function DeadlineCountdown({ dueAt, now: serverNow }: { dueAt: Date; now: Date }) {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [])
  const deadline = describeDeadline(dueAt, now)
  return (
    <time
      dateTime={dueAt.toISOString()}
      title={dueAt.toISOString()}
      data-tone={deadline.tone}
      data-testid="deadline"
      className={cn("whitespace-nowrap tabular-nums", TONES[deadline.tone])}
    >
      {deadline.label}
    </time>
  )
}
