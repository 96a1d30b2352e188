import { Prisma } from "@/generated/prisma/client"
import { db } from "@/lib/db"

// job_runs belongs to lib/jobs: one row per attempt of a scheduled job, whichever instance ran it.

const MAX_ERROR_LENGTH = 4000

export async function recordRunStarted(input: {
  job: string
  queueJobId: string
  attempt: number
  instance: string
  startedAt: Date
}): Promise<string> {
  const run = await db.jobRun.create({ data: { ...input, status: "RUNNING" }, select: { id: true } })
  return run.id
}

export async function recordRunSucceeded(
  id: string,
  finishedAt: Date,
  durationMs: number,
  result: unknown,
): Promise<void> {
  const json = toJson(result)
  await db.jobRun.update({
    where: { id },
    data: {
      status: "SUCCEEDED",
      finishedAt,
      durationMs: Math.round(durationMs),
      ...(json === undefined ? {} : { result: json }),
    },
  })
}

export async function recordRunFailed(id: string, finishedAt: Date, durationMs: number, error: unknown): Promise<void> {
  await db.jobRun.update({
    where: { id },
    data: { status: "FAILED", finishedAt, durationMs: Math.round(durationMs), error: describeError(error) },
  })
}

/**
 * Runs still RUNNING long after any attempt could last belong to a process that died mid-run;
 * the queue retries the job itself (its attempt expires), this only closes the record.
 */
export async function closeAbandonedRuns(startedBefore: Date, now = new Date()): Promise<number> {
  const { count } = await db.jobRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: startedBefore } },
    data: { status: "FAILED", finishedAt: now, error: "abandoned: the instance stopped before the run finished" },
  })
  return count
}

export async function deleteJobRunsBefore(cutoff: Date): Promise<number> {
  const { count } = await db.jobRun.deleteMany({ where: { startedAt: { lt: cutoff } } })
  return count
}

export function describeError(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error)
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text
}

/** A handler's result as stored JSON; undefined when there is nothing worth storing. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? Number(v) : v))
  return text === undefined ? undefined : (JSON.parse(text) as Prisma.InputJsonValue)
}
