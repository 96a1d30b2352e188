import { randomUUID } from "node:crypto"
import { z } from "zod"
import type { Role } from "@/generated/prisma/enums"
import { recordAudit } from "@/lib/audit/log"
import { isStaff } from "@/lib/auth/roles"
import type { RouteScope } from "@/lib/auth/token-scopes"
import type { RateLimit } from "@/lib/rate-limit/limiter"
import { authorize, identifyCaller, type Caller } from "./authenticate"
import { queryObject, readJsonBody } from "./body"
import { refuseCrossSiteWrite } from "./cross-site"
import { errorResponse } from "./errors"
import { toErrorResponse } from "./error-mapping"
import { emitRequestFailed, routePattern } from "./failures"
import { enforceRateLimit, rateLimitKey } from "./route-rate-limit"
import { noteRefusal } from "./refusals"
import { emitRequestTiming } from "./timing"
import { refuseUnstorable } from "./unstorable-text"

type Schema = z.ZodType
type Parsed<S> = S extends Schema ? z.infer<S> : undefined
type RouteParams = Record<string, string | string[] | undefined>

export type RouteOptions<B, Q> = {
  /** Roles allowed; omitted means public. Staff roles also need the second factor. */
  roles?: readonly Role[]
  /** Staff may call it before passing the second factor (the second-factor routes themselves). */
  allowWithoutMfa?: boolean
  /** The API-token scope a write here needs; none declared means `admin` (lib/auth/token-scopes.ts). */
  scope?: RouteScope
  body?: B
  query?: Q
  /** Per caller (user or address); defaults to RATE_LIMIT_PER_MINUTE. `false` turns it off. */
  rateLimit?: Omit<RateLimit, "name"> | false
  /** The handler writes its own, more specific audit entry for a staff write. */
  auditedByHandler?: boolean
  /** Largest JSON body accepted, in bytes; defaults to 1 MB. */
  maxBodyBytes?: number
}

/** `caller` is a Caller whenever the route names its roles (`authorize` let it through), else maybe null. */
export type RouteContext<B, Q, C extends Caller | null = Caller | null> = {
  request: Request
  params: Record<string, string>
  body: Parsed<B>
  query: Parsed<Q>
  caller: C
  requestId: string
}

type NextContext = { params: Promise<RouteParams> }
type NextHandler = (request: Request, context: NextContext) => Promise<Response>

const REQUEST_ID = /^[\w.-]{8,128}$/

/** The one route-handler wrapper: request id, rate limit, auth, validation, timing, error shape. */
export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  options: RouteOptions<B, Q> & { roles: readonly Role[] },
  handler: (context: RouteContext<B, Q, Caller>) => Promise<Response>,
): NextHandler
export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  options: RouteOptions<B, Q>,
  handler: (context: RouteContext<B, Q>) => Promise<Response>,
): NextHandler
export function route<B extends Schema | undefined, Q extends Schema | undefined>(
  options: RouteOptions<B, Q>,
  handler: (context: RouteContext<B, Q, Caller>) => Promise<Response>,
): NextHandler {
  return async (request, context) => {
    const started = performance.now()
    const url = new URL(request.url)
    const incomingId = request.headers.get("x-request-id")
    const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : randomUUID()
    let response: Response
    let caller: Caller | null = null
    let params: Record<string, string> = {}
    let pattern = url.pathname
    let limitKey = ""
    try {
      // First, so that even a refused request is timed and grouped under its route pattern.
      params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]),
      )
      pattern = routePattern(url.pathname, params)
      refuseCrossSiteWrite(request)
      caller = await identifyCaller(request)
      limitKey = rateLimitKey(caller, request, pattern)
      await enforceRateLimit(options.rateLimit, limitKey)
      if (options.roles)
        authorize(caller, options.roles, {
          method: request.method,
          allowWithoutMfa: options.allowWithoutMfa,
          scope: options.scope,
        })
      const rawQuery = queryObject(url)
      // Path and query reach queries as much as the body does (the body is checked as it is parsed).
      refuseUnstorable(params)
      refuseUnstorable(rawQuery)
      const body = (
        options.body ? options.body.parse(await readJsonBody(request, options.maxBodyBytes)) : undefined
      ) as Parsed<B>
      const query = (options.query ? options.query.parse(rawQuery) : undefined) as Parsed<Q>
      // Null only reaches handlers that take it (no roles); with roles, `authorize` threw unless there is a caller.
      response = await handler({ request, params, body, query, caller: caller as Caller, requestId })
      if (caller && isStaff(caller.user.role) && isWrite(request.method) && response.ok && !options.auditedByHandler) {
        await recordAudit({
          actor: caller.user,
          action: "staff.write",
          targetType: "route",
          targetId: url.pathname,
          metadata: {
            method: request.method,
            status: response.status,
            via: caller.via,
            ...(caller.tokenId ? { tokenId: caller.tokenId } : {}),
          },
        })
      }
    } catch (error) {
      response = toErrorResponse(error, requestId)
      if (response.status === 500) {
        emitRequestFailed({
          error,
          route: pattern,
          path: url.pathname,
          method: request.method,
          userId: caller?.user.id ?? null,
          requestId,
        })
      } else if (response.status === 429 || response.status === 403) {
        await noteRefusal(response.status, { request, caller, key: limitKey, roles: options.roles, route: pattern })
      }
    }
    response.headers.set("x-request-id", requestId)
    emitRequestTiming({
      route: pattern,
      method: request.method,
      status: response.status,
      durationMs: performance.now() - started,
      requestId,
    })
    return response
  }
}

function isWrite(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method)
}

export { errorResponse }
