import { AppError } from "@/lib/errors"
import { isJson } from "./cross-site"
import { refuseUnstorableJson } from "./unstorable-text"

export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Reads a JSON body, refusing more than `limit` bytes even when Content-Length is absent or lies,
 * and any string in it that the database cannot store (422 naming the field).
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = declaredLength(request)
  if (declared !== undefined && declared > limit) throw tooLarge(limit)
  const type = request.headers.get("content-type") ?? ""
  if (type && !isJson(type)) throw new AppError("unsupported_media_type", "send the body as application/json")
  if (!request.body) return undefined
  const text = await readText(request.body, declared, limit)
  if (!text.trim()) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new AppError("bad_request", "body is not valid JSON")
  }
  refuseUnstorableJson(text, parsed)
  return parsed
}

/** The body as text, unparsed (a signed webhook checks its signature over it), with the same cap as JSON bodies. */
export async function readTextBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = declaredLength(request)
  if (declared !== undefined && declared > limit) throw tooLarge(limit)
  return request.body ? readText(request.body, declared, limit) : ""
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `body is larger than ${limit} bytes`)
}

function declaredLength(request: Request): number | undefined {
  const header = request.headers.get("content-length")
  const length = header === null ? NaN : Number(header)
  return Number.isInteger(length) && length >= 0 ? length : undefined
}

/**
 * The body as text, chunk by chunk, refused once past `limit`. With a Content-Length, Node's HTTP
 * parser delivers exactly that many bytes, so reading stops there rather than waiting for the end
 * of the stream: through Next's request (a web stream over Node's) that last wait costs more than
 * the whole read (about 40 µs a request). A Request made in-process may carry more than it
 * declares; past `limit` it is refused all the same.
 */
async function readText(
  body: ReadableStream<Uint8Array>,
  declared: number | undefined,
  limit: number,
): Promise<string> {
  const reader = body.getReader()
  const chunks: Buffer[] = []
  let size = 0
  while (declared === undefined || size < declared) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away mid-body (Node's "aborted", ECONNRESET): its mistake, not ours, so no 500.
      throw new AppError("bad_request", "the request was cut off before its body arrived")
    })
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge(limit)
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength))
  }
  reader.releaseLock()
  return (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString("utf8")
}

/** Query string as an object; a repeated key becomes an array. */
export function queryObject(url: URL): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    result[key] = values.length > 1 ? values : values[0]!
  }
  return result
}
