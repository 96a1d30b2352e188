// The production server's V8 memory settings, added to NODE_OPTIONS by `npm start` (and the benches).
// - Old generation: V8 sizes its limit from the machine's memory (a few GB here) and, with that much
//   room, lets the heap grow to about 4× what is live before a full collection: a busy server sat at
//   800 MB resident with 120 MB live. Under a limit of 2 GB or less it grows by 1.3–2× instead.
//   NODE_HEAP_MB sets the limit (768 MB by default: 6× what a busy instance keeps live).
// - Young generation: a request to POST /api/events stays alive until its rows commit, so every
//   scavenge copies the requests in flight; semi-spaces of 32 MB instead of 16 scavenge half as often
//   (Node's documentation suggests this for servers that allocate fast).
// A flag already in NODE_OPTIONS wins over ours.

export const DEFAULT_HEAP_MB = 768
export const SEMI_SPACE_MB = 32

/** NODE_OPTIONS for the app server (scripts/serve.ts): the caller's options plus the flags above they do not set themselves. */
export function serverNodeOptions(nodeOptions: string | undefined, heapMb: string | undefined): string {
  const current = nodeOptions?.trim() ?? ""
  const mb = heapMb === undefined || heapMb.trim() === "" ? DEFAULT_HEAP_MB : Number(heapMb)
  if (!Number.isInteger(mb) || mb < 64)
    throw new Error(`NODE_HEAP_MB must be a whole number of megabytes, at least 64 (got "${heapMb}")`)
  const sets = (flag: string) => new RegExp(`${flag}[=\\s]`).test(current)
  const added = [
    sets("--max-old-space-size") ? "" : `--max-old-space-size=${mb}`,
    sets("--max-semi-space-size") ? "" : `--max-semi-space-size=${SEMI_SPACE_MB}`,
  ]
  return [current, ...added].filter(Boolean).join(" ")
}
