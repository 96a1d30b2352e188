// Runs once when a server starts (next start / next dev), before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return
  // BACKGROUND_WORK=0 turns the timers off, e.g. for an instance that should only serve requests.
  if (process.env.BACKGROUND_WORK === "0") return
  const { startBackgroundLoops } = await import("./lib/jobs/background")
  startBackgroundLoops()
}
