import { ReportGate } from "./report-gate"

// Browser side of error grouping: uncaught errors and rejections, and what the error boundaries
// show, go to POST /api/errors. Nothing here may throw or report itself.

export type BrowserReport = { name: string; message: string; stack?: string }

const gate = new ReportGate(10)
let release: string | undefined

/** The release the page was rendered by; sent with every report. */
export function configureErrorReporting(options: { release?: string }): void {
  release = options.release
}

/** Whatever was thrown or rejected, as a report; null for what carries nothing to act on. */
export function toBrowserReport(value: unknown, nonErrorName = "UnhandledRejection"): BrowserReport | null {
  if (value instanceof Error) return { name: value.name || "Error", message: value.message, stack: value.stack }
  if (value instanceof ErrorEvent) {
    // `throw "text"` arrives here as a non-Error.
    if (value.error !== null && value.error !== undefined) return toBrowserReport(value.error, "NonError")
    // A cross-origin script's error arrives as a bare "Script error." with no detail.
    if (!value.message || /^Script error\.?$/.test(value.message)) return null
    const frame = value.filename ? `\n    at ${value.filename}:${value.lineno}:${value.colno}` : ""
    return { name: "Error", message: value.message, stack: `Error: ${value.message}${frame}` }
  }
  if (value instanceof PromiseRejectionEvent) return toBrowserReport(value.reason)
  let message: string
  try {
    message = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value))
  } catch {
    message = String(value)
  }
  return { name: nonErrorName, message }
}

/** Sends one report unless this error was already sent from this page or the minute's cap is reached. */
export function reportBrowserError(value: unknown): boolean {
  try {
    const report = toBrowserReport(value)
    if (!report) return false
    const topLines = report.stack?.split("\n").slice(0, 3).join("\n") ?? ""
    // Extensions inject scripts into the page; their errors are not ours.
    if (/(?:chrome|moz|safari(?:-web)?)-extension:\/\//.test(topLines)) return false
    const key = `${report.name}\n${report.message}\n${topLines}`
    if (!gate.allow(key, Date.now())) return false
    const body = JSON.stringify({
      name: report.name.slice(0, 200) || "Error",
      message: report.message.slice(0, 2000),
      stack: report.stack?.slice(0, 8000),
      url: window.location.pathname,
      release,
    })
    void fetch("/api/errors", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      keepalive: true,
      credentials: "same-origin",
    }).catch(() => {})
    return true
  } catch {
    return false
  }
}
