import autocannon from "autocannon"

// Load for the benches. fire(): a small bounded-concurrency client on fetch: `concurrency` workers
// on keep-alive connections, one request at a time each, with per-request latency; a 5xx is
// retried (as Polar does) up to 5 times and counted. hammer(): autocannon, for GETs where the
// client must cost the server's two cores as little as possible.

export type Phase = { body: string; headers: Record<string, string> } | null
export type Result = { status: number; ms: number; retries: number }
export type Run = { results: Result[]; seconds: number }

export async function fire(url: string, requests: Phase[], concurrency: number): Promise<Run> {
  const results: Result[] = new Array(requests.length)
  let next = 0
  const started = performance.now()
  async function worker() {
    for (;;) {
      const index = next++
      if (index >= requests.length) return
      const request = requests[index]!
      let retries = 0
      for (;;) {
        const t0 = performance.now()
        const response = await fetch(
          url,
          request ? { method: "POST", headers: request.headers, body: request.body } : {},
        ).catch(() => null)
        await response?.arrayBuffer()
        const status = response?.status ?? 0
        if ((status === 0 || status >= 500) && retries < 5) {
          retries++
          continue
        }
        results[index] = { status, ms: performance.now() - t0, retries }
        break
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { results, seconds: (performance.now() - started) / 1000 }
}

/**
 * GET `url` `amount` times over `connections` keep-alive connections with autocannon, several
 * times cheaper per request than fetch, so the server sets the pace. No retries.
 */
export async function hammer(url: string, amount: number, connections: number): Promise<Run> {
  const results: Result[] = []
  const started = performance.now()
  let last = started
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, amount, connections, timeout: 30 }, (error: unknown) =>
      error ? reject(error) : resolve(),
    )
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      results.push({ status, ms, retries: 0 })
      last = performance.now()
    })
  })
  // Up to the last response: autocannon notices the end of an `amount` run only on its next tick.
  return { results, seconds: (last - started) / 1000 }
}

export function summarize(run: Run) {
  const sorted = run.results.map((r) => r.ms).sort((a, b) => a - b)
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10
  return {
    requests: run.results.length,
    seconds: Math.round(run.seconds * 100) / 100,
    perSecond: Math.round(run.results.length / run.seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    retried: run.results.filter((r) => r.retries > 0).length,
    errors: run.results.filter((r) => r.status === 0 || r.status >= 400).length,
    statuses: run.results.reduce<Record<string, number>>(
      (acc, r) => ((acc[r.status] = (acc[r.status] ?? 0) + 1), acc),
      {},
    ),
  }
}
