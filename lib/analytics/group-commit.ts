import { AppError } from "@/lib/http/errors"

// Group commit: the rows of concurrent requests are written together, one INSERT per flush. A
// request's rows are never split across flushes, and its promise settles only when the flush that
// holds them has committed (or failed: then every request in that flush fails, and since one
// statement is atomic, none of their rows is stored). One flush runs at a time; requests arriving
// meanwhile form the next one, which starts as soon as the running one ends.

export type GroupCommitOptions<T> = {
  write: (items: T[]) => Promise<void>
  /** A flush starts at once when this many items wait, and never holds more (whole requests only). */
  maxItems?: number
  /** Otherwise the first waiting item starts a timer of this many milliseconds. */
  delayMs?: number
  /** Refuse (503) rather than queue beyond this many items: a slow database must not exhaust memory. */
  maxPending?: number
}

export type GroupCommitStats = { flushes: number; items: number; failedFlushes: number; pending: number }

type Waiting<T> = { items: T[]; resolve: () => void; reject: (error: unknown) => void }

export class GroupCommit<T> {
  private readonly write: (items: T[]) => Promise<void>
  private readonly maxItems: number
  private readonly delayMs: number
  private readonly maxPending: number
  private queue: Waiting<T>[] = []
  private pending = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private flushing = false
  private counts = { flushes: 0, items: 0, failedFlushes: 0 }

  constructor(options: GroupCommitOptions<T>) {
    this.write = options.write
    this.maxItems = options.maxItems ?? 1000
    this.delayMs = options.delayMs ?? 5
    this.maxPending = options.maxPending ?? 20_000
  }

  /** Resolves once `items` are committed; rejects (nothing of them stored) when their flush fails. */
  submit(items: T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve()
    if (this.pending + items.length > this.maxPending) {
      return Promise.reject(new AppError("service_unavailable", "too many events are waiting to be stored; retry later"))
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, resolve, reject })
      this.pending += items.length
      this.schedule()
    })
  }

  stats(): GroupCommitStats {
    return { ...this.counts, pending: this.pending }
  }

  private schedule(): void {
    if (this.flushing) return // the running flush starts the next one when it ends
    if (this.pending >= this.maxItems) {
      void this.flush()
      return
    }
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs)
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.flushing || this.queue.length === 0) return
    const batch: Waiting<T>[] = []
    let size = 0
    while (this.queue.length && (batch.length === 0 || size + this.queue[0]!.items.length <= this.maxItems)) {
      const next = this.queue.shift()!
      batch.push(next)
      size += next.items.length
    }
    this.pending -= size
    this.flushing = true
    try {
      await this.write(batch.flatMap((waiting) => waiting.items))
      this.counts.flushes++
      this.counts.items += size
      for (const waiting of batch) waiting.resolve()
    } catch (error) {
      this.counts.failedFlushes++
      for (const waiting of batch) waiting.reject(error)
    } finally {
      this.flushing = false
      // Whoever queued during the write has already waited a whole flush: go again at once.
      if (this.queue.length) void this.flush()
    }
  }
}
