import NextAuth, { type AuthOptions } from "next-auth"
import { AppError } from "@/lib/errors"
import { readTextBody } from "./body"
import { refuseUnstorable } from "./unstorable-text"

// Runs next-auth 4 on a Web Request through its Pages Router entry, NextAuth(req, res, options),
// which takes plain objects (next-auth/next/index.js, NextAuthApiHandler). Its App Router entry
// reads cookies and headers from next/headers, which exist only inside a request Next is serving:
// this way the route, its tests and a request built by our own code all run next-auth the same way.

/** next-auth's forms are a few fields; nothing it reads is bigger. */
const MAX_BODY_BYTES = 64 * 1024

export type NextAuthBody = Record<string, unknown> | undefined

/** The form or JSON body next-auth reads (its own getBody accepts the same two types). */
export async function readNextAuthBody(request: Request): Promise<NextAuthBody> {
  if (request.method !== "POST") return undefined
  const type = request.headers.get("content-type") ?? ""
  const text = await readTextBody(request, MAX_BODY_BYTES)
  let body: NextAuthBody
  if (type.includes("application/json")) {
    try {
      const parsed: unknown = text.trim() ? JSON.parse(text) : undefined
      body =
        parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined
    } catch {
      throw new AppError("bad_request", "body is not valid JSON")
    }
  } else if (type.includes("application/x-www-form-urlencoded")) {
    body = Object.fromEntries(new URLSearchParams(text))
  }
  if (body) refuseUnstorable(body)
  return body
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=")
    if (at < 1) continue
    const name = part.slice(0, at).trim()
    const raw = part.slice(at + 1).trim()
    try {
      cookies[name] ??= decodeURIComponent(raw)
    } catch {
      // A value that does not decode is no cookie of next-auth's.
    }
  }
  return cookies
}

/**
 * next-auth's answer to `request` for the route segments after /api/auth (["callback", "email"]);
 * `body` is what readNextAuthBody read from it.
 */
export async function runNextAuth(
  request: Request,
  segments: string[],
  options: AuthOptions,
  body: NextAuthBody,
): Promise<Response> {
  const url = new URL(request.url)
  const query = Object.fromEntries(url.searchParams)
  refuseUnstorable(query)
  const headers = new Headers()
  const answer = { status: 200, body: null as string | null }
  const res = {
    status(code: number) {
      answer.status = code
      return res
    },
    setHeader(name: string, value: string | string[]) {
      headers.delete(name)
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
      return res
    },
    getHeader(name: string) {
      return name.toLowerCase() === "set-cookie" ? headers.getSetCookie() : (headers.get(name) ?? undefined)
    },
    end() {},
    json(value: unknown) {
      headers.set("content-type", "application/json")
      answer.body = JSON.stringify(value)
    },
    send(value: unknown) {
      answer.body =
        value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value)
    },
  }
  const req = {
    method: request.method,
    query: { ...query, nextauth: segments },
    body,
    cookies: parseCookies(request.headers.get("cookie")),
    headers: Object.fromEntries(request.headers),
  }
  await NextAuth(req as never, res as never, options)
  return new Response(answer.body, { status: answer.status, headers })
}
