type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>

export type CallOptions = { body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Record<string, string>; cookie?: string; token?: string }

/** Calls an exported route verb the way Next does, with an optional session cookie or bearer token. */
export async function callRoute(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers)
  if (options.cookie) headers.set("cookie", options.cookie)
  if (options.token) headers.set("authorization", `Bearer ${options.token}`)
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    if (!headers.has("content-type")) headers.set("content-type", "application/json")
  }
  const request = new Request(new URL(path, "http://localhost:3000"), { method, headers, body })
  return handler(request, { params: Promise.resolve(options.params ?? {}) })
}
