import { AppError } from "./errors"

export const MAX_BODY_BYTES = 1024 * 1024

/** Reads a JSON body, refusing more than `limit` bytes even when Content-Length is absent or lies. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = request.headers.get("content-length")
  if (Number(declared ?? "0") > limit) throw new AppError("payload_too_large", `body is larger than ${limit} bytes`)
  const type = request.headers.get("content-type") ?? ""
  if (type && !type.includes("json")) throw new AppError("unsupported_media_type", "send the body as application/json")
  if (!request.body) return undefined
  // With a Content-Length, Node's HTTP parser delivers exactly that many bytes, so reading it whole
  // is bounded (and cheaper than reading chunk by chunk); without one, count as the chunks come.
  const text = declared !== null ? await request.text() : await readLimited(request.body, limit)
  // A Request made in-process (not parsed from HTTP) can carry more than it declares.
  if (declared !== null && Buffer.byteLength(text) > limit) throw new AppError("payload_too_large", `body is larger than ${limit} bytes`)
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError("bad_request", "body is not valid JSON")
  }
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw new AppError("payload_too_large", `body is larger than ${limit} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString("utf8")
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
