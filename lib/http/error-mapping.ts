import { z } from "zod"
import { Prisma } from "@/generated/prisma/client"
import { isDatabaseUnavailable } from "@/lib/database/unavailable"
import { AppError } from "@/lib/errors"
import { errorResponse } from "./errors"

/** Maps anything thrown in a handler to the shared error shape; only our own bugs become 500. */
export function toErrorResponse(error: unknown, requestId: string): Response {
  // Every connection busy and the wait queue full (or the wait too long): overload, not our bug.
  if (isDatabaseUnavailable(error))
    return toErrorResponse(
      new AppError("service_unavailable", "the service is busy; try again shortly", {
        retryAfterSeconds: error.retryAfterSeconds,
      }),
      requestId,
    )
  if (error instanceof AppError) {
    const retry =
      error.code === "rate_limited" || error.code === "service_unavailable" ? retryAfter(error.details) : undefined
    return errorResponse(error.code, error.message, error.details, retry ? { "retry-after": String(retry) } : undefined)
  }
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))
    return errorResponse("unprocessable_entity", "some fields are invalid", details)
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return errorResponse("not_found", "not found")
    if (error.code === "P2002") return errorResponse("conflict", "already exists")
  }
  console.error(`[${requestId}] unhandled error`, error)
  return errorResponse("internal_error", `something went wrong on our side (request ${requestId})`)
}

function retryAfter(details: unknown): number | undefined {
  if (details && typeof details === "object" && "retryAfterSeconds" in details) return Number(details.retryAfterSeconds)
  return undefined
}
