import { isIP } from "node:net"
import path from "node:path"
import maxmind, { type Reader, type Response } from "maxmind"
import { env } from "@/lib/env"

// The visitor's country, never the address: from a CDN header we trust (ANALYTICS_COUNTRY_HEADER),
// else from the GeoLite2 country database shipped in an npm package (offline, ~1 µs a lookup).
// GeoLite2 data: © MaxMind, GeoLite2 EULA and CC BY-SA 4.0; countries only.

const DEFAULT_DATABASE = "node_modules/@ip-location-db/geolite2-country-mmdb/geolite2-country.mmdb"
const COUNTRY = /^[A-Z]{2}$/
// Cloudflare's "unknown" and "Tor"; other CDNs use the same conventions.
const NOT_A_COUNTRY = new Set(["XX", "T1", "ZZ"])

let reader: Promise<Reader<Response> | null> | undefined
/** The opened database (null when unavailable), once `reader` has settled. */
let opened: Reader<Response> | null | undefined

/** Opened once, on the first lookup; a missing file logs once and geolocation answers null. */
function geoDatabase(): Promise<Reader<Response> | null> {
  reader ??= maxmind
    .open<Response>(path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().ANALYTICS_GEOIP_DB ?? DEFAULT_DATABASE))
    .catch((error: unknown) => {
      console.error(
        "[analytics] GeoLite2 country database unavailable; countries will be empty:",
        error instanceof Error ? error.message : error,
      )
      return null
    })
  void reader.then((database) => (opened = database))
  return reader
}

/** An ISO 3166-1 alpha-2 code, or null when the value is none (unknown, Tor, malformed). */
export function normaliseCountry(value: string | null | undefined): string | null {
  const code = value?.trim().toUpperCase()
  return code && COUNTRY.test(code) && !NOT_A_COUNTRY.has(code) ? code : null
}

function countryIn(database: Reader<Response> | null, ip: string): string | null {
  const record = database?.get(ip) as { country_code?: string; country?: { iso_code?: string } } | null | undefined
  return normaliseCountry(record?.country_code ?? record?.country?.iso_code)
}

/**
 * The trusted CDN header's country when configured and present (`cdnCountry`), else the offline
 * lookup of `ip` (null for an unknown, private, reserved or malformed address). Answered at once
 * when it can: only the lookups made before the offline database has opened return a promise.
 */
export function countryOf(cdnCountry: string | null, ip: string | null): string | null | Promise<string | null> {
  if (cdnCountry) return normaliseCountry(cdnCountry)
  // node:net's check, not maxmind.validate: that one is a regular expression of a few kilobytes.
  if (!ip || isIP(ip) === 0) return null
  return opened === undefined ? geoDatabase().then((database) => countryIn(database, ip)) : countryIn(opened, ip)
}
