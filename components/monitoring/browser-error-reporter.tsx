"use client"

import { useEffect } from "react"
import { configureErrorReporting, reportBrowserError } from "@/lib/monitoring/errors/browser"

/** Mounted once in the root layout: reports the page's uncaught errors and rejections. */
export function BrowserErrorReporter({ release }: { release: string }) {
  useEffect(() => {
    configureErrorReporting({ release })
    const onError = (event: ErrorEvent) => void reportBrowserError(event)
    const onRejection = (event: PromiseRejectionEvent) => void reportBrowserError(event)
    window.addEventListener("error", onError)
    window.addEventListener("unhandledrejection", onRejection)
    return () => {
      window.removeEventListener("error", onError)
      window.removeEventListener("unhandledrejection", onRejection)
    }
  }, [release])
  return null
}
