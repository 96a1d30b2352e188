import { env } from "@/lib/env"
import { type EmailPriority, priorityRank } from "./priority"

// Paces our requests to Resend under its rate limit (2 per second per team by default): at most
// N requests start in any window of a second, and a waiting sign-in email goes before waiting
// transactional mail, which goes before bulk mail. Every sender in the process (the outbox's
// delivery and a direct send) awaits `pace(priority)` right before calling Resend.
//
// The limit is per team, this pacer per process: with several instances, give each its share
// (RESEND_REQUESTS_PER_SECOND). A 429 that gets through anyway holds every send here for its
// Retry-After (`holdSends`).

type Waiter = { rank: number; seq: number; resolve: () => void }

export type PacerOptions = {
  /** Requests allowed to start in any window. */
  perWindow: number
  windowMs?: number
  now?: () => number
}

export class Pacer {
  private readonly perWindow: number
  private readonly windowMs: number
  private readonly now: () => number
  /** When the last `perWindow` grants were made, oldest first. */
  private readonly granted: number[] = []
  private readonly waiting: Waiter[] = []
  private heldUntil = 0
  private seq = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(options: PacerOptions) {
    this.perWindow = Math.max(1, Math.floor(options.perWindow))
    this.windowMs = options.windowMs ?? 1_000
    this.now = options.now ?? Date.now
  }

  /** Resolves when a request of this priority may start. */
  pace(priority: EmailPriority): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({ rank: priorityRank(priority), seq: this.seq++, resolve })
      this.grant()
    })
  }

  /** Nobody starts a request for `ms` (Resend answered 429 with this Retry-After). */
  hold(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms)
    this.rearm()
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.waiting.length
  }

  private grant(): void {
    if (this.timer) return
    while (this.waiting.length > 0) {
      const now = this.now()
      const at = this.nextSlot()
      if (at > now) {
        this.timer = setTimeout(() => this.rearm(), at - now)
        return
      }
      const next = this.takeFirst()
      this.granted.push(now)
      if (this.granted.length > this.perWindow) this.granted.shift()
      next.resolve()
    }
  }

  private rearm(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.grant()
  }

  /** The earliest instant the window has room again, and no hold is on. */
  private nextSlot(): number {
    const windowFree =
      this.granted.length < this.perWindow ? 0 : this.granted[this.granted.length - this.perWindow]! + this.windowMs
    return Math.max(windowFree, this.heldUntil)
  }

  private takeFirst(): Waiter {
    let best = 0
    for (let i = 1; i < this.waiting.length; i++) {
      const candidate = this.waiting[i]!
      const current = this.waiting[best]!
      if (candidate.rank < current.rank || (candidate.rank === current.rank && candidate.seq < current.seq)) best = i
    }
    return this.waiting.splice(best, 1)[0]!
  }
}

/** A little over a second: requests granted a window apart must not arrive at Resend closer than that. */
const WINDOW_MS = 1_050

// On globalThis: Next bundles the route handlers and instrumentation apart, and every copy of
// this module in the process must share one pacer.
const KEY = Symbol.for("ai-copilot-vibe.email.pacer")
const store = globalThis as typeof globalThis & { [KEY]?: Pacer }

/** The process's pacer, at RESEND_REQUESTS_PER_SECOND. */
export function emailPacer(): Pacer {
  store[KEY] ??= new Pacer({ perWindow: env().RESEND_REQUESTS_PER_SECOND, windowMs: WINDOW_MS })
  return store[KEY]
}

/** Waits for this send's turn under Resend's rate limit. */
export function pace(priority: EmailPriority): Promise<void> {
  return emailPacer().pace(priority)
}

/** Resend said 429: every send in this process waits `ms` first. */
export function holdSends(ms: number): void {
  emailPacer().hold(ms)
}

/** Tests: the next use builds a fresh pacer from the current settings. */
export function resetEmailPacer(): void {
  store[KEY] = undefined
}
