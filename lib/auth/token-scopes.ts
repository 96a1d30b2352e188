import type { ApiTokenScope } from "@/generated/prisma/enums"

export type { ApiTokenScope }

export const TOKEN_SCOPES = ["read", "orders", "billing", "admin"] as const satisfies readonly ApiTokenScope[]
/** What a route may declare it needs for writes; `read` is implied by a GET or HEAD. */
export type RouteScope = Exclude<ApiTokenScope, "read">

export const DEFAULT_TOKEN_DAYS = 90
export const MAX_TOKEN_DAYS = 365
/** The choices the page offers; the API takes any whole number of days from 1 to MAX_TOKEN_DAYS. */
export const TOKEN_DAY_CHOICES = [30, 90, 180, 365] as const

/**
 * How a token's scopes map to routes. A token never does more than its holder's CURRENT role allows
 * (the role check runs first, as for a session); scopes only narrow that.
 * - A read (GET, HEAD, OPTIONS) is allowed with `read`, or with the scope the route declares
 *   (`admin` for a route that declares none): a token that may write a route may read it too.
 * - A write needs the scope the route declares (`scope: "orders"` on order routes, `"billing"` on
 *   refunds, cancellations and replays, `"admin"` on team, token and settings routes) and a route
 *   that declares none needs `admin`, so a route added later is closed to narrow tokens by default.
 * - Scopes do not include one another: `admin` does not grant `orders` writes. A token for
 *   everything lists every scope, which the page makes visible.
 */
export function scopesCover(
  scopes: readonly ApiTokenScope[],
  method: string,
  routeScope: RouteScope | undefined,
): boolean {
  const needed: ApiTokenScope = routeScope ?? "admin"
  if (isReadMethod(method)) return scopes.includes("read") || scopes.includes(needed)
  return scopes.includes(needed)
}

export function isReadMethod(method: string): boolean {
  return ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())
}
