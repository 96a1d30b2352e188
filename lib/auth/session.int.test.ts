import { expect, test } from "vitest"
import { signedInAs } from "@/lib/testing/fixtures"
import { findSession } from "./session"

test("regression: a session cookie holding NUL (\"%00\" decoded) finds no one, rather than failing the page", async () => {
  const { user, token } = await signedInAs("SUBSCRIBER")
  expect((await findSession(token))?.user.id).toBe(user.id)
  await expect(findSession("\u0000")).resolves.toBeNull()
  await expect(findSession(`${token}\u0000`)).resolves.toBeNull()
})
