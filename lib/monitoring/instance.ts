import { randomBytes } from "node:crypto"
import { hostname } from "node:os"

let current: string | undefined

/**
 * This process's name in monitoring tables (job runs, resource samples, metric flushes):
 * host, process id and a random suffix, so a restarted process or a container reusing a pid
 * is never mistaken for the one before it. Stable for the life of the process.
 */
export function instanceId(): string {
  current ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`
  return current
}
