import "server-only"
import { readFileSync } from "node:fs"
import { SourceMap } from "node:module"
import path from "node:path"

// A production server runs minified chunks ("at b (.next/server/chunks/ssr/…_.js:1:1557)"): no
// file or function of ours to group by, and names that change with every build. The build leaves
// a source map beside each chunk, so the top frames are mapped back to our source files before an
// error is fingerprinted, and its sample stack reads as the code was written.

const MAX_FRAMES = 12
const MAX_MAPS = 4
// "    at fn (/abs/file.js:1:2)" or "    at /abs/file.js:1:2"
const FRAME = /^(\s*at\s+)(?:(.*?)\s+\()?(\/[^()]*?\.js):(\d+):(\d+)\)?\s*$/

const maps = new Map<string, SourceMap | null>()

/**
 * The stack with frames in the build folder under `root` pointed at their original source, and
 * paths under `root` made relative to it (the machine's folder is no part of an error).
 */
export function symbolicateStack(stack: string, root: string): string {
  const buildDir = path.join(root, ".next") + path.sep
  let frames = 0
  return stack
    .split("\n")
    .map((line) => {
      const match = FRAME.exec(line)
      if (!match) return line
      frames += 1
      const [, at, , file, lineNumber, column] = match
      if (frames > MAX_FRAMES || !file!.startsWith(buildDir)) return relative(line, root)
      const entry = mapFor(file!)?.findEntry(Number(lineNumber) - 1, Number(column) - 1)
      if (!entry || !("originalSource" in entry) || !entry.originalSource) return relative(line, root)
      const source = /^[a-z][a-z0-9+.-]*:/i.test(entry.originalSource)
        ? entry.originalSource
        : path.resolve(path.dirname(file!), entry.originalSource)
      // The minified function name would only differ from build to build: the file says more.
      return relative(`${at}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`, root)
    })
    .join("\n")
}

function relative(line: string, root: string): string {
  return line.split(root + path.sep).join("")
}

function mapFor(file: string): SourceMap | null {
  if (maps.has(file)) return maps.get(file)!
  let map: SourceMap | null = null
  try {
    map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")))
  } catch {
    map = null
  }
  if (maps.size >= MAX_MAPS) maps.delete(maps.keys().next().value!)
  maps.set(file, map)
  return map
}
