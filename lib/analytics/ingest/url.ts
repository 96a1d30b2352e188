// Pure URL helpers shared by the server and the browser tracker (no imports, so the tracker stays tiny).

export type Utm = { source?: string; medium?: string; campaign?: string; term?: string; content?: string }

const UTM_KEYS = ["source", "medium", "campaign", "term", "content"] as const

/**
 * The referring site's host, lower-case and without "www."; null for no referrer, our own host
 * (an internal navigation) or something that is not a web or app address. Path and query are
 * dropped: they can carry personal data (search terms, email addresses, tokens).
 */
export function referrerHost(referrer: string | null | undefined, ownHosts: readonly string[] = []): string | null {
  const value = referrer?.trim()
  if (!value) return null
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`)
  } catch {
    return null
  }
  if (!["http:", "https:", "android-app:"].includes(url.protocol) || !url.hostname) return null
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, "")
    .replace(/\.$/, "")
  const own = ownHosts.map((h) =>
    h
      .toLowerCase()
      .replace(/:\d+$/, "")
      .replace(/^www\./, ""),
  )
  return own.includes(host) ? null : host.slice(0, 255)
}

/** utm_source … utm_content of a query string ("?a=1&utm_source=x"), or undefined when there are none. */
export function utmFromSearch(search: string): Utm | undefined {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search)
  const utm: Utm = {}
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`)?.trim()
    if (value) utm[key] = value.slice(0, 200)
  }
  return Object.keys(utm).length ? utm : undefined
}

/** The path alone: the query string and fragment are cut off (they are not ours to keep). */
export function cleanPath(path: string | null | undefined): string | null {
  if (!path) return null
  const cut = path.split(/[?#]/, 1)[0]!
  return cut ? cut.slice(0, 2048) : null
}
