import { AppError } from "./errors"

export const MAX_BODY_BYTES = 1024 * 1024

/** Reads a JSON body, refusing more than `limit` bytes even when Content-Length is absent or lies. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0")
  if (declared > limit) throw new AppError("payload_too_large", `body is larger than ${limit} bytes`)
  const type = request.headers.get("content-type") ?? ""
  if (type && !type.includes("json")) throw new AppError("unsupported_media_type", "send the body as application/json")
  if (!request.body) return undefined
  const reader = request.body.getReader()
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
  const text = Buffer.concat(chunks).toString("utf8")
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError("bad_request", "body is not valid JSON")
  }
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
