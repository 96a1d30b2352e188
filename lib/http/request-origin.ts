import type { RequestOrigin } from "@/lib/analytics/ingest/ingest"
import { configuredOrigin } from "@/lib/config/app-origin"
import { env } from "@/lib/env"
import { clientAddress } from "./client-address"

/** What analytics may know of a request's sender, read from the request once, as plain data. */
export function requestOrigin(request: Request): RequestOrigin {
  const host = new URL(request.url).hostname.toLowerCase()
  const configured = configuredOrigin()
  const ownHosts = configured ? [host, new URL(configured).hostname.toLowerCase()] : [host]
  const countryHeader = env().ANALYTICS_COUNTRY_HEADER
  return {
    ip: clientAddress(request),
    userAgent: request.headers.get("user-agent") ?? "",
    host,
    ownHosts,
    cookieHeader: request.headers.get("cookie"),
    cdnCountry: countryHeader ? request.headers.get(countryHeader) : null,
  }
}
