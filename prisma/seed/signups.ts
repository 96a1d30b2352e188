import type { Random } from "./random"

/**
 * `count` sign-up instants between `from` and `to`, oldest first, on an exponential growth curve:
 * the last month brings `growth` times as many sign-ups as the first (8× over 18 months is ~12.5% a
 * month, a young product finding its market). Inverse-CDF sampling of density ∝ e^(k·t), t ∈ [0, 1].
 */
export function signupInstants(random: Random, count: number, from: Date, to: Date, growth = 8): Date[] {
  const k = Math.log(growth)
  const span = to.getTime() - from.getTime()
  const instants: number[] = []
  for (let i = 0; i < count; i++) {
    const t = Math.log(1 + random.next() * (Math.exp(k) - 1)) / k
    instants.push(from.getTime() + Math.floor(t * span))
  }
  return instants.sort((a, b) => a - b).map((ms) => new Date(ms))
}
