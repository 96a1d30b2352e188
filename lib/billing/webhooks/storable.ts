// PostgreSQL's jsonb (and text) refuse the NUL character, and jsonb refuses a lone UTF-16 surrogate.
// Polar signs whatever JSON it sends, so a signed delivery may hold either: it is made storable by
// replacing each with U+FFFD, and the body as received is kept beside it for the signature record.

const REPLACEMENT = "\uFFFD"
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// In JSON text such characters can only arrive escaped: a body without these escapes is storable as is.
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/

export function storableString(value: string): string {
  return value.replace(UNSTORABLE, REPLACEMENT)
}

/** A parsed JSON value with every string (keys included) made storable. */
export function storableJson(value: unknown): unknown {
  if (typeof value === "string") return storableString(value)
  if (Array.isArray(value)) return value.map(storableJson)
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storableString(key), storableJson(inner)]))
  }
  return value
}

/**
 * The delivery's JSON text as it can be stored, and the body as received when that differs (else
 * null). `body` must be valid JSON (its signature was checked first).
 */
export function storableBody(body: string): { payload: string; rawBody: string | null } {
  if (!UNSTORABLE_ESCAPE.test(body)) return { payload: body, rawBody: null }
  const payload = JSON.stringify(storableJson(JSON.parse(body)))
  return payload === JSON.stringify(JSON.parse(body)) ? { payload: body, rawBody: null } : { payload, rawBody: body }
}
