"use client"

import { useEffect } from "react"
import { useReportError } from "@/components/monitoring/use-report-error"

// Replaces the root layout when that layout itself fails, so it brings its own document and
// inline styles: nothing else (globals.css included) can be assumed to have loaded.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useReportError(error)
  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <html lang="en">
      <body
        style={{ margin: 0, fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", color: "#0f172a" }}
      >
        <title>Something went wrong · AI Copilot Vibe</title>
        <main style={{ maxWidth: "32rem", margin: "0 auto", padding: "4rem 1rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem" }}>Something went wrong</h1>
          <p style={{ color: "#475569" }}>Please try again in a moment.</p>
          <button
            type="button"
            onClick={() => retry()}
            style={{
              marginTop: "1rem",
              padding: "0.6rem 1.2rem",
              border: 0,
              borderRadius: "0.5rem",
              background: "#4f46e5",
              color: "#fff",
              fontSize: "1rem",
              cursor: "pointer",
            }}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  )
}
