// What a process does on its way out, in order. The HTTP server (lib/server/http-server.ts) stops
// accepting and drains in-flight requests first, then runs these steps: buffered writes are
// flushed (they hold work already acknowledged to clients), then the job runner stops, then the
// database closes. Steps register from inside Next's bundle (instrumentation.ts) while the server
// runs outside it, so the list lives on globalThis, the one object both share.

export type ShutdownPhase = "flush" | "jobs" | "database"
const PHASES: readonly ShutdownPhase[] = ["flush", "jobs", "database"]

type Step = { phase: ShutdownPhase; name: string; run: () => Promise<unknown> }
const key = Symbol.for("acv.shutdownSteps")
const holder = globalThis as unknown as { [key]?: Step[] }

/** Adds a step to this process's shutdown; a step with the same name replaces the earlier one. */
export function onShutdown(phase: ShutdownPhase, name: string, run: () => Promise<unknown>): void {
  const steps = (holder[key] ??= [])
  const index = steps.findIndex((step) => step.name === name)
  if (index >= 0) steps.splice(index, 1)
  steps.push({ phase, name, run })
}

/**
 * Runs every step, phase by phase (steps of one phase together). A step that fails or outlives
 * `deadline` is logged and the next phase goes on: the database still closes.
 */
export async function runShutdownSteps(input: { deadline: number; log: (line: string) => void }): Promise<void> {
  const steps = holder[key] ?? []
  for (const phase of PHASES) {
    await Promise.all(
      steps
        .filter((step) => step.phase === phase)
        .map(async (step) => {
          const left = Math.max(0, input.deadline - Date.now())
          let timer: ReturnType<typeof setTimeout> | undefined
          const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), left)))
          try {
            const outcome = await Promise.race([step.run().then(() => "done" as const), late])
            input.log(
              outcome === "late" ? `${step.name}: still running at the deadline, left behind` : `${step.name}: done`,
            )
          } catch (error) {
            input.log(`${step.name}: failed (${error instanceof Error ? error.message : String(error)})`)
          } finally {
            clearTimeout(timer)
          }
        }),
    )
  }
}

/** Forgets every step (tests). */
export function clearShutdownSteps(): void {
  holder[key] = []
}
