import { expect, test, vi } from "vitest"
import { requireEnv } from "@/lib/env"
import { createPool } from "./client"

// The embedded database serves one connection: killing it from a second one needs a server.
test.skipIf(process.env.DATABASE_POOL_MAX === "1")(
  "a connection killed while checked out fails its query and is logged; the process and the pool go on",
  async () => {
    const pool = createPool(requireEnv("DATABASE_URL"), 2)
    const logged = vi.spyOn(console, "error").mockImplementation(() => {})
    try {
      const client = await pool.connect()
      const [{ pid }] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows as [
        { pid: number },
      ]
      // Killed from another connection while this one sits checked out, between two statements.
      const other = await pool.connect()
      await other.query("SELECT pg_terminate_backend($1)", [pid])
      other.release()
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(
          "database connection lost:",
          expect.stringContaining("terminating connection"),
        ),
      )
      await expect(client.query("SELECT 1")).rejects.toThrow()
      client.release(new Error("connection lost"))
      expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }])
    } finally {
      logged.mockRestore()
      await pool.end()
    }
  },
)
