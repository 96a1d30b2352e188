import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto"
import { requireEnv } from "@/lib/env"

// Secrets at rest: AES-256-GCM, stored as "v1.<iv>.<tag>.<ciphertext>" in base64url.
const AUTH_TAG_BYTES = 16

function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64")
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64")
  return key
}

export function encryptSecret(plaintext: string, rawKey = requireEnv("ENCRYPTION_KEY")): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", parseKey(rawKey), iv, { authTagLength: AUTH_TAG_BYTES })
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".")
}

export function decryptSecret(sealed: string, rawKey = requireEnv("ENCRYPTION_KEY")): string {
  const [version, iv, tag, body] = sealed.split(".")
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("not an encrypted secret")
  const authTag = Buffer.from(tag, "base64url")
  // GCM accepts tags down to 4 bytes unless told otherwise: a shortened tag is forgeable by trial.
  if (authTag.length !== AUTH_TAG_BYTES) throw new Error("not an encrypted secret (its tag must be 16 bytes)")
  const decipher = createDecipheriv("aes-256-gcm", parseKey(rawKey), Buffer.from(iv, "base64url"), {
    authTagLength: AUTH_TAG_BYTES,
  })
  decipher.setAuthTag(authTag)
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8")
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex")
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
