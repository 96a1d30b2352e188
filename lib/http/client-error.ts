// Client side of the API's one error shape: { error: { code, message, details? } }. For 422 the
// details list the failing fields, which forms show next to the field.

export type ApiError = { status: number; code: string; message: string; fieldErrors: Record<string, string> }

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } }

export async function readApiError(response: Response): Promise<ApiError> {
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

/** For fetch itself failing: offline, DNS, the server restarting. */
export const networkError: ApiError = {
  status: 0,
  code: "network",
  message: "We couldn't reach the server. Check your connection and try again.",
  fieldErrors: {},
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
