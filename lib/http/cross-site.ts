import { configuredOrigin } from "@/lib/config/app-origin"
import { AppError } from "@/lib/errors"

// Cross-site request forgery: a browser attaches our cookies to a request that another site's page
// makes. A state-changing request that carries a cookie must therefore come from our own pages,
// as the browser reports it (Sec-Fetch-Site, else Origin), and carry JSON, which a cross-site form
// cannot send and a cross-site script cannot send without a CORS preflight we never answer.
// A request with neither header comes from no browser (curl, a server, a test): it carries no
// ambient authority, so there is nothing to forge.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/** Throws 403 for a cookie-bearing write that a browser says came from another site, 415 for one whose body is not JSON. */
export function refuseCrossSiteWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method) || !request.headers.get("cookie")) return
  const ownOrigin = configuredOrigin() ?? new URL(request.url).origin
  const site = request.headers.get("sec-fetch-site")
  const origin = request.headers.get("origin")
  const crossSite = site ? site !== "same-origin" : origin !== null && origin !== ownOrigin
  if (crossSite) throw new AppError("forbidden", "cross-site requests may not change anything here")
  if (hasBody(request) && !isJson(request.headers.get("content-type")))
    throw new AppError("unsupported_media_type", "send the body as application/json")
}

/** As HTTP/1.1 frames it: a Content-Length above 0, or a chunked body. (Next gives every DELETE a body stream, empty or not.) */
function hasBody(request: Request): boolean {
  return Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.has("transfer-encoding")
}

/** application/json or a +json type, parameters allowed ("application/json; charset=utf-8"). */
export function isJson(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? ""
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type)
}
