import { AppError } from "@/lib/errors"

// Group commit: the rows of concurrent requests are written together, one INSERT per flush. A
// request's rows are never split across flushes, and its promise settles only when the flush that
// holds them has committed (or failed: then every request in that flush fails, and since one
// statement is atomic, none of their rows is stored). A failure that one request's rows can cause
// (the database refusing a value) is the exception: the flush is written again in halves, so only
// the request at fault fails and the others are stored. One flush runs at a time; requests
// arriving meanwhile form the next one, which starts as soon as the running one ends.

export type GroupCommitOptions<T> = {
  write: (items: T[]) => Promise<void>
  /** A flush starts at once when this many items wait, and never holds more (whole requests only). */
  maxItems?: number
  /** Otherwise the first waiting item starts a timer of this many milliseconds. */
  delayMs?: number
  /** Refuse (503) rather than queue beyond this many items: a slow database must not exhaust memory. */
  maxPending?: number
  /** True for a write error that some submission's own items cause; such a flush is retried in halves. */
  isItemFault?: (error: unknown) => boolean
}

export type GroupCommitStats = { flushes: number; items: number; failedFlushes: number; pending: number }

type Waiting<T> = { items: T[]; resolve: () => void; reject: (error: unknown) => void }

export class GroupCommit<T> {
  private readonly write: (items: T[]) => Promise<void>
  private readonly maxItems: number
  private readonly delayMs: number
  private readonly maxPending: number
  private readonly isItemFault: (error: unknown) => boolean
  private queue: Waiting<T>[] = []
  private readonly unsettled = new Set<Promise<void>>()
  private pending = 0
  private timer: ReturnType<typeof setTimeout> | undefined
  private flushing = false
  private counts = { flushes: 0, items: 0, failedFlushes: 0 }

  constructor(options: GroupCommitOptions<T>) {
    this.write = options.write
    this.maxItems = options.maxItems ?? 1000
    this.delayMs = options.delayMs ?? 5
    this.maxPending = options.maxPending ?? 20_000
    this.isItemFault = options.isItemFault ?? (() => false)
  }

  /** Resolves once `items` are committed; rejects (nothing of them stored) when their flush fails. */
  submit(items: T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve()
    if (this.pending + items.length > this.maxPending) {
      return Promise.reject(
        new AppError("service_unavailable", "too many events are waiting to be stored; retry later"),
      )
    }
    const submitted = new Promise<void>((resolve, reject) => {
      this.queue.push({ items, resolve, reject })
      this.pending += items.length
      this.schedule()
    })
    this.unsettled.add(submitted)
    const settled = () => void this.unsettled.delete(submitted)
    submitted.then(settled, settled)
    return submitted
  }

  /** Writes everything submitted so far without waiting out the delay; resolves once all of it has settled (shutdown). */
  async drain(): Promise<void> {
    while (this.unsettled.size) {
      if (!this.flushing) void this.flush()
      await Promise.allSettled([...this.unsettled])
    }
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
      await this.writeGroup(batch)
    } finally {
      this.flushing = false
      // Whoever queued during the write has already waited a whole flush: go again at once.
      if (this.queue.length) void this.flush()
    }
  }

  /**
   * Writes `group` in one statement. When a submission's items made it fail, each half is written
   * on its own (down to the single submission at fault): about 2·log2(n) more statements for one
   * bad submission among n, paid only when there is one.
   */
  private async writeGroup(group: Waiting<T>[]): Promise<void> {
    try {
      await this.write(group.flatMap((waiting) => waiting.items))
      this.counts.flushes++
      this.counts.items += group.reduce((sum, waiting) => sum + waiting.items.length, 0)
      for (const waiting of group) waiting.resolve()
    } catch (error) {
      this.counts.failedFlushes++
      if (group.length > 1 && this.isItemFault(error)) {
        const half = Math.ceil(group.length / 2)
        await this.writeGroup(group.slice(0, half))
        await this.writeGroup(group.slice(half))
      } else {
        for (const waiting of group) waiting.reject(error)
      }
    }
  }
}
