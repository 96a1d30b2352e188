"use client"

import { useEffect } from "react"
import { reportBrowserError } from "@/lib/monitoring/errors/browser"

/**
 * For error boundaries: reports the error they show when it happened in the browser. A server
 * error arrives with a digest and was already grouped on the server (onRequestError).
 */
export function useReportError(error: unknown): void {
  useEffect(() => {
    const fromServer = typeof error === "object" && error !== null && "digest" in error && Boolean(error.digest)
    if (!fromServer) reportBrowserError(error)
  }, [error])
}
