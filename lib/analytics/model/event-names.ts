import { z } from "zod"

// What an event name is: the ingest body's (lib/analytics/ingest/schemas.ts), the server's track()
// and a funnel's event steps (lib/analytics/funnels/schemas.ts) all take the same. Client-safe.

/** Lower-case words joined by `_`, `.`, `:` or `-`: page_view, checkout_started, nps.answered. */
export const eventNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_.:-]{0,63}$/, "use 1 to 64 lower-case letters, digits, _ . : -")
