// Stack traces as V8 (Node, Chrome, Edge) and SpiderMonkey/JavaScriptCore (Firefox, Safari) print
// them, reduced to what stays the same across line shifts, rebuilds and browsers: the function's
// own name and the file, relative to the app and with build hashes blanked.

export type StackFrame = { fn: string; file: string }

// "    at fn (file:1:2)", "    at async Foo.bar (file:1:2)", "    at file:1:2"
const V8_FRAME = /^\s*at\s+(?:(.*?)\s+\((.*)\)|(.*))\s*$/
// "fn@file:1:2", "@file:1:2", "Foo/bar<@file:1:2"
const GECKO_FRAME = /^\s*([^@]*)@(.+)$/
const LINE_COLUMN = /(?::\d+){1,2}$/

/** Every frame of a stack, outermost last; lines that are not frames (the message) are skipped. */
export function parseStack(stack: string | null | undefined): StackFrame[] {
  if (!stack) return []
  const frames: StackFrame[] = []
  for (const line of stack.split("\n")) {
    const v8 = V8_FRAME.exec(line)
    if (v8) {
      const location = v8[2] ?? v8[3] ?? ""
      frames.push({ fn: functionName(v8[1] ?? ""), file: normaliseFile(location) })
      continue
    }
    const gecko = GECKO_FRAME.exec(line)
    if (gecko && LINE_COLUMN.test(gecko[2]!.trim()))
      frames.push({ fn: functionName(gecko[1]!), file: normaliseFile(gecko[2]!) })
  }
  return frames
}

/**
 * The name as all engines agree on it: V8 prefixes the receiver ("Foo.bar", "Object.<anonymous>"),
 * Firefox nests ("outer/inner<"), and minified build output has one- or two-letter names that
 * change with every build, so those count as anonymous.
 */
export function functionName(raw: string): string {
  let name = raw
    .trim()
    .replace(/^(?:async|new)\s+/, "")
    .replace(/\s*\[as [^\]]+\]$/, "")
  name = name.replace(/[</]+$/, "")
  name = name.split(/[./]/).at(-1) ?? ""
  if (name === "<anonymous>" || name === "anonymous" || name === "global code" || name === "eval") return ""
  return name.length <= 2 ? "" : name
}

/** The file, without origin, query, line and column, bundler prefixes or content hashes. */
export function normaliseFile(location: string): string {
  let file = location.trim().replace(LINE_COLUMN, "")
  file = file
    .replace(/^webpack-internal:\/\/\/(?:\([^)]*\)\/)?/, "")
    .replace(/^(?:webpack|turbopack):\/\/(?:\/[^/]*)?\//, "")
  if (/^(?:chrome|moz|safari(?:-web)?)-extension:/.test(file)) return file
  file = file.replace(/^file:\/\//, "").replace(/^https?:\/\/[^/]+/i, "")
  file = file.replace(/[?#].*$/, "")
  // Build output: keep it from the build folder on, so the machine's path does not matter.
  const build = /(?:^|\/)(?:\.next|_next)\//.exec(file)
  if (!build) return file.replace(/^.*?\/(?=(?:app|lib|components|node_modules)\/)/, "").replace(/^\.\//, "")
  file = file.slice(build.index + (file[build.index] === "/" ? 1 : 0))
  const slash = file.lastIndexOf("/")
  const dir = file
    .slice(0, slash + 1)
    .replace(/(?<=\/)[^/]*\d[^/]*(?=\/)/g, (segment) => (segment.length >= 8 ? "<hash>" : segment))
  return dir + chunkName(file.slice(slash + 1))
}

/**
 * Chunk names carry content hashes that change with every build: webpack's "page-3f2a9c1d.js",
 * Turbopack's "1iemdzl-x5iy0.js" or "lib_env_ts_03s8n9_g1tm1m._.js". What stays is Turbopack's
 * hint of the source file ("lib_env_ts"); a name without digits (a route file) stays whole.
 */
function chunkName(name: string): string {
  const hint = /^(.+?_(?:ts|tsx|js|jsx|mjs|cjs))_[^/]*\d/.exec(name)
  if (hint) return `${hint[1]}_<chunk>`
  const named = WEBPACK_NAMED_CHUNK.exec(name)
  if (named) return `${named[1]}-<chunk>.js`
  return /\d/.test(name.replace(/\.[cm]?js$/, "")) ? "<chunk>" : name
}

const WEBPACK_NAMED_CHUNK =
  /^(page|layout|route|error|global-error|not-found|loading|template|default|framework|main|main-app|webpack|polyfills)-[\w-]+\.js$/

/** Not ours: dependencies, Node's and the engine's internals, Next's runtime, browser extensions. */
export function isInApp(frame: StackFrame): boolean {
  const file = frame.file
  if (!file || file === "<anonymous>" || file === "native" || file.includes("[native code]")) return false
  if (/(?:^|[/_])node_modules(?:[/_]|$)/.test(file)) return false
  if (/^(?:node:|internal\/|events\.js|timers\.js)/.test(file)) return false
  if (/^(?:chrome|moz|safari(?:-web)?)-extension:/.test(file) || file.startsWith("eval ")) return false
  if (
    /(?:^|\/)next\/dist\//.test(file) ||
    /_next\/static\/chunks\/(?:framework|main|main-app|webpack|polyfills)-<chunk>/.test(file)
  )
    return false
  if (/\[turbopack\]|\[externals\]/.test(file)) return false
  return true
}

/** The first in-app frame as "fn (file)" or "file"; the first frame at all when none is in-app. */
export function topFrame(frames: StackFrame[]): string | null {
  const frame = frames.find(isInApp) ?? frames[0]
  if (!frame || !frame.file) return null
  return frame.fn ? `${frame.fn} (${frame.file})` : frame.file
}
