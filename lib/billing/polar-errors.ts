import { PolarClientError, PolarError } from "@polar-sh/sdk"
import { AppError } from "@/lib/errors"

/** Runs one SDK call; Polar's refusals and outages become our error shape, with the cause logged. */
export async function callPolar<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (!(error instanceof PolarError)) throw error
    console.error(`[polar] ${what} failed:`, error.message)
    if (error instanceof PolarClientError && error.statusCode === 404)
      throw new AppError("not_found", `Polar does not know this ${what.split(" ")[0]}`)
    if (error instanceof PolarClientError && [403, 409, 422].includes(error.statusCode))
      throw new AppError("conflict", `Polar refused to ${what}`)
    throw new AppError("service_unavailable", `Polar could not ${what} right now; try again in a moment`)
  }
}
