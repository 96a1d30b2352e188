import { createHash } from "node:crypto"
import { parseStack, topFrame } from "./stack"

// Two sightings are the same error when their type, message (with the parts that vary per request
// blanked out) and first frame of our own code agree. Line numbers, build hashes and the browser's
// stack format do not count, so a rebuild or a second browser does not split a group.

export type ErrorSource = "server" | "browser"
export type ErrorShape = { name: string; message: string; stack?: string | null }
export type Fingerprinted = { fingerprint: string; normalisedMessage: string; topFrame: string | null }

const MAX_MESSAGE = 300

const REPLACEMENTS: Array<[RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)]+/gi, "<url>"],
  [/(?<![A-Za-z0-9])"[^"\n]*"|(?<![A-Za-z0-9])'[^'\n]*'(?![A-Za-z0-9])|`[^`\n]*`/g, "<str>"],
  [/[^\s@<>"'`]+@[^\s@<>"'`]+\.[a-z]{2,}/gi, "<email>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/\b0x[0-9a-f]+\b/gi, "<hex>"],
  [/(?<![A-Za-z0-9])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![A-Za-z0-9])/gi, "<hex>"],
  // cuid, nanoid, tokens: long runs that mix letters and digits.
  [/(?<![A-Za-z0-9])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{16,}(?![A-Za-z0-9])/g, "<id>"],
  // Numbers, units kept ("3000ms" → "<n>ms"), but not digits inside words ("utf8", "v2").
  [/(?<![A-Za-z0-9])\d+(?:[.,]\d+)*/g, "<n>"],
]

/** The message with everything that changes between sightings of one bug replaced by a placeholder. */
export function normaliseMessage(message: string): string {
  let text = message
  for (const [pattern, placeholder] of REPLACEMENTS) text = text.replace(pattern, placeholder)
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_MESSAGE)
}

export function fingerprint(source: ErrorSource, error: ErrorShape): Fingerprinted {
  const normalisedMessage = normaliseMessage(error.message)
  const frame = topFrame(parseStack(error.stack))
  const key = [source, error.name.trim() || "Error", normalisedMessage, frame ?? ""].join("\n")
  return {
    fingerprint: createHash("sha256").update(key).digest("hex").slice(0, 40),
    normalisedMessage,
    topFrame: frame,
  }
}
