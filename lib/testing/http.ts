import { afterAll, beforeAll } from "vitest"
import { resetEnvCache } from "@/lib/env"

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>

export type CallOptions = {
  body?: unknown
  rawBody?: string
  headers?: Record<string, string>
  params?: Record<string, string>
  cookie?: string
  token?: string
}

/** Calls an exported route verb the way Next does, with an optional session cookie or bearer token. */
export async function callRoute(
  handler: Handler,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const headers = new Headers(options.headers)
  if (options.cookie) headers.set("cookie", options.cookie)
  if (options.token) headers.set("authorization", `Bearer ${options.token}`)
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    if (!headers.has("content-type")) headers.set("content-type", "application/json")
  }
  const request = new Request(new URL(path, TEST_ORIGIN), { method, headers, body })
  return handler(request, { params: Promise.resolve(options.params ?? {}) })
}

/** The origin of callRoute's requests. */
export const TEST_ORIGIN = "http://localhost:3000"

/**
 * For a test file whose handlers build links or test-mode webhooks on the app's origin (appOrigin,
 * lib/config/app-origin.ts): NEXTAUTH_URL is callRoute's origin while its tests run, as scripts/start.ts
 * sets it for the app.
 */
export function withTestOrigin(): void {
  const saved = process.env.NEXTAUTH_URL
  beforeAll(() => {
    process.env.NEXTAUTH_URL = TEST_ORIGIN
    resetEnvCache()
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.NEXTAUTH_URL
    else process.env.NEXTAUTH_URL = saved
    resetEnvCache()
  })
}
