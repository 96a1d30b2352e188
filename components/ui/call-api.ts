// The browser's one way to call our API (useMutation wraps it for buttons and forms). Failures come
// back in the API's one error shape, { error: { code, message, details? } }; for 422 the details
// list the failing fields, which forms show next to the field.

export type ApiError = { status: number; code: string; message: string; fieldErrors: Record<string, string> }

export type ApiResult<Data> = { ok: true; data: Data } | { ok: false; error: ApiError }

export type ApiRequest<Body> = {
  /** POST unless said otherwise. */
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** Sent as JSON. */
  body?: Body
  /** Extra headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>
}

/** For fetch itself failing: offline, DNS, the server restarting. */
const networkError: ApiError = {
  status: 0,
  code: "network",
  message: "We couldn't reach the server. Check your connection and try again.",
  fieldErrors: {},
}

/** One call to our API: the parsed answer (undefined for an empty one, e.g. 204), or the API's error, or the network's. */
export async function callApi<Data = unknown, Body = unknown>(
  path: string,
  { method = "POST", body, headers }: ApiRequest<Body> = {},
): Promise<ApiResult<Data>> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Our answers are about this moment (a portal link, credentials): never one from the browser's cache.
      cache: "no-store",
    })
  } catch {
    return { ok: false, error: networkError }
  }
  if (!response.ok) return { ok: false, error: await readApiError(response) }
  try {
    const text = await response.text()
    return { ok: true, data: (text ? JSON.parse(text) : undefined) as Data }
  } catch {
    // The call succeeded, but its answer was cut off or is not JSON.
    return {
      ok: false,
      error: { status: response.status, code: "unknown", message: fallbackMessage(response.status), fieldErrors: {} },
    }
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } }

async function readApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null
  const error = body?.error
  const message = typeof error?.message === "string" ? capitalise(error.message) : fallbackMessage(response.status)
  return {
    status: response.status,
    code: typeof error?.code === "string" ? error.code : "unknown",
    message,
    fieldErrors: response.status === 422 ? fieldErrors(error?.details) : {},
  }
}

function fieldErrors(details: unknown): Record<string, string> {
  if (!Array.isArray(details)) return {}
  const result: Record<string, string> = {}
  for (const item of details) {
    if (item && typeof item === "object" && typeof item.path === "string" && typeof item.message === "string") {
      result[item.path] ??= capitalise(item.message)
    }
  }
  return result
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again."
  if (status === 403) return "You don't have permission to do that."
  if (status === 429) return "Too many attempts. Wait a few minutes and try again."
  return "Something went wrong. Please try again."
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
