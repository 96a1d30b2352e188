"use client"

import { useRouter } from "next/navigation"
import { useRef, useState } from "react"
import { callApi, type ApiError, type ApiRequest, type ApiResult } from "./call-api"

export type MutationOptions<Data> = {
  /** Runs after a success, before the page is refreshed. */
  onSuccess?: (data: Data) => void
  /** Re-render the page from the server after a success (router.refresh). */
  refresh?: boolean
  /** A success (or a failure onError answers) navigates away: stay pending, so the control cannot start a second call meanwhile. */
  leavesPage?: boolean
  /** Answers an expected failure itself (a 409 "already done", a 401 "sign in first"): return true and no error is kept. */
  onError?: (error: ApiError) => boolean | void
}

/**
 * A button's or a form's call to our API: pending while it runs, the API's error (or the
 * network's) on failure, and the options' effects on success. mutate() resolves with the result,
 * or null when a call was already running: a double click sends one request, even before React
 * has re-rendered the control disabled.
 */
export function useMutation<Data = unknown, Body = unknown>(options: MutationOptions<Data> = {}) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const inFlight = useRef(false)

  async function mutate(path: string, request?: ApiRequest<Body>): Promise<ApiResult<Data> | null> {
    if (inFlight.current) return null
    inFlight.current = true
    setPending(true)
    setError(null)
    const result = await callApi<Data, Body>(path, request)
    const handled = result.ok || options.onError?.(result.error) === true
    if (!result.ok && !handled) setError(result.error)
    if (result.ok) {
      options.onSuccess?.(result.data)
      if (options.refresh) router.refresh()
    }
    if (!(handled && options.leavesPage)) {
      inFlight.current = false
      setPending(false)
    }
    return result
  }

  return { pending, error, mutate }
}
