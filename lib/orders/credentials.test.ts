import { randomBytes } from "node:crypto"
import { expect, test } from "vitest"
import { encryptSecret } from "@/lib/security/crypto"
import { openCredentials, sealCredentials } from "./credentials"

const key = randomBytes(32).toString("hex")
const seat = { login: "seat-42@copilot.example", password: "hunter2-Very-Secret", notes: "2FA disabled" }

test("sealed credentials contain no readable part and open again with the same key", () => {
  const sealed = sealCredentials(seat, key)
  expect(sealed).toMatch(/^v1\./)
  expect(sealed).not.toContain(seat.login)
  expect(sealed).not.toContain(seat.password)
  expect(sealed).not.toContain("hunter2")
  expect(openCredentials(sealed, key)).toEqual(seat)
  expect(openCredentials(sealCredentials({ ...seat, notes: null }, key), key)).toEqual({ ...seat, notes: null })
})

test("a wrong key or a damaged document fails without quoting the plaintext", () => {
  const sealed = sealCredentials(seat, key)
  expect(() => openCredentials(sealed, randomBytes(32).toString("hex"))).toThrow(
    "stored seat credentials could not be decrypted",
  )
  // Not JSON: JSON.parse's own message would quote the text.
  const garbage = encryptSecret(`not json ${seat.password}`, key)
  try {
    openCredentials(garbage, key)
    expect.unreachable()
  } catch (error) {
    expect(String(error)).not.toContain(seat.password)
  }
  expect(() => openCredentials(encryptSecret(JSON.stringify({ login: 1 }), key), key)).toThrow("malformed")
})
