import type { ErrorCode } from "@/lib/errors"

// The edge's mapping of the closed set of error codes (lib/errors.ts) to HTTP statuses.
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } }

export function errorResponse(code: ErrorCode, message: string, details?: unknown, headers?: HeadersInit): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } }
  return Response.json(body, { status: ERROR_STATUS[code], headers })
}
