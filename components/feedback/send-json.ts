import { networkError, readApiError, type ApiError } from "@/lib/http/client-error"

export type SendResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** A JSON call to our API from a feedback form: the parsed answer, or the API's (or the network's) error. */
export async function sendJson<T>(path: string, method: "POST" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) return { ok: false, error: await readApiError(response) }
    return { ok: true, data: (await response.json()) as T }
  } catch {
    return { ok: false, error: networkError }
  }
}
