"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { networkError, readApiError } from "./client-error"

/**
 * A button's call to our API: pending while it runs, the server re-renders the page on success,
 * and the API's error message (or a network one) on failure. Resolves true on success.
 */
export function useApiAction() {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function run(path: string, init: { method: "POST" | "DELETE"; body?: unknown } = { method: "POST" }): Promise<boolean> {
    setPending(true)
    setError(null)
    try {
      const body = init.body === undefined ? undefined : JSON.stringify(init.body)
      const response = await fetch(path, { method: init.method, headers: body ? { "content-type": "application/json" } : undefined, body })
      if (!response.ok) {
        setError((await readApiError(response)).message)
        return false
      }
      router.refresh()
      return true
    } catch {
      setError(networkError.message)
      return false
    } finally {
      setPending(false)
    }
  }

  return { pending, error, run }
}
