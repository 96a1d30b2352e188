import { expect, test } from "vitest"
import { db, disconnectDb, pool } from "./db"

test("after disconnectDb, late work fails at once instead of opening connections again", async () => {
  expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }])
  await disconnectDb()
  expect(() => pool()).toThrow("the database connection is closed")
  expect(() => db.user.count()).toThrow("the database connection is closed")
  // The test setup's own disconnect afterwards is a no-op.
  await disconnectDb()
})
