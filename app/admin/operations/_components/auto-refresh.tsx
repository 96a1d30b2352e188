"use client"

import { useRouter } from "next/navigation"
import { useEffect, useRef, useState, useSyncExternalStore } from "react"
import { formatClock } from "@/components/charts/format"
import { ActionButton } from "@/components/ui/action-button"

const REFRESH_MS = 10_000

function subscribeVisibility(onChange: () => void): () => void {
  document.addEventListener("visibilitychange", onChange)
  return () => document.removeEventListener("visibilitychange", onChange)
}

/**
 * Re-renders the page's server components every 10 seconds (router.refresh keeps client state:
 * table views, scroll), paused while the tab is hidden, at once when it comes back if due.
 */
export function AutoRefresh({ generatedAt }: { generatedAt: string }) {
  const router = useRouter()
  const [paused, setPaused] = useState(false)
  const visible = useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === "visible",
    () => true,
  )
  const lastRefresh = useRef(0)

  useEffect(() => {
    if (paused || !visible) return
    const refresh = () => {
      lastRefresh.current = performance.now()
      router.refresh()
    }
    if (lastRefresh.current === 0) lastRefresh.current = performance.now()
    else if (performance.now() - lastRefresh.current >= REFRESH_MS) refresh()
    const timer = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(timer)
  }, [paused, visible, router])

  const state = paused ? "paused" : visible ? "refreshes every 10 s" : "paused while this tab is hidden"
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <p>
        <span data-testid="ops-updated">
          Updated <time dateTime={generatedAt}>{formatClock(generatedAt)}</time>
        </span>{" "}
        · {state}
      </p>
      <ActionButton
        size="sm"
        variant="secondary"
        aria-pressed={paused}
        onClick={() => setPaused((value) => !value)}
        data-testid="ops-pause"
      >
        Pause updates
      </ActionButton>
    </div>
  )
}
