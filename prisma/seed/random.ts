// A small seeded PRNG (mulberry32): same seed, same demo business, on every machine and Node version.

export type Random = {
  /** Uniform in [0, 1). */
  next: () => number
  /** Uniform integer in [min, max]. */
  int: (min: number, max: number) => number
  /** Uniform real in [min, max). */
  between: (min: number, max: number) => number
  chance: (probability: number) => boolean
  /** One of `options`, with probability proportional to its weight. */
  weighted: <T>(options: readonly (readonly [T, number])[]) => T
  /** A cuid-shaped id ("c" + 24 base-36 characters), so ids are deterministic too. */
  id: () => string
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    weighted: (options) => {
      const total = options.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [value, weight] of options) {
        roll -= weight
        if (roll < 0) return value
      }
      return options[options.length - 1]![0]
    },
    id: () => {
      let out = "c"
      for (let i = 0; i < 24; i++) out += int(0, 35).toString(36)
      return out
    },
  }
}
