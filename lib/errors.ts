// The closed set of error codes the app refuses with, and the error a domain throws for an expected
// refusal. Nothing here knows HTTP: the route wrapper maps each code to its status (ERROR_STATUS in
// lib/http/errors.ts), and a script or job reads the code itself.
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "mfa_required"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable_entity"
  | "rate_limited"
  | "internal_error"
  | "service_unavailable"

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = "AppError"
  }
}
