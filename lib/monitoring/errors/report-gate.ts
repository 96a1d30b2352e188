// What a browser lets through to POST /api/errors: each distinct error once per page load, and
// at most `perMinute` reports in any minute, so a render loop cannot flood the endpoint.
export class ReportGate {
  private readonly seen = new Set<string>()
  private sent: number[] = []

  constructor(private readonly perMinute = 10) {}

  allow(key: string, now: number): boolean {
    if (this.seen.has(key)) return false
    this.sent = this.sent.filter((at) => now - at < 60_000)
    if (this.sent.length >= this.perMinute) return false
    this.seen.add(key)
    this.sent.push(now)
    return true
  }
}
