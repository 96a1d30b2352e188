"use client"

import { usePathname, useSearchParams } from "next/navigation"
import { useEffect, useRef } from "react"
import { trackPageView } from "@/lib/analytics/client/tracker"

// Staff tools are not product traffic.
const UNTRACKED = /^\/(admin|dev)(\/|$)/

/** Mounted once in the root layout (inside Suspense): a page_view on every App Router navigation. */
export function PageViewTracker() {
  const pathname = usePathname()
  const search = useSearchParams().toString()
  const last = useRef<string | null>(null)
  useEffect(() => {
    const key = `${pathname}?${search}`
    // Strict mode runs effects twice in development; one navigation is one view.
    if (last.current === key || UNTRACKED.test(pathname)) return
    last.current = key
    trackPageView()
  }, [pathname, search])
  return null
}
