import { readFileSync, statSync } from "node:fs"
import path from "node:path"

/** The commit checked out in `root`, read from .git without running git; undefined outside a checkout. */
export function gitCommit(root: string): string | undefined {
  try {
    const gitDir = resolveGitDir(root)
    const head = readFileSync(path.join(gitDir, "HEAD"), "utf8").trim()
    if (!head.startsWith("ref: ")) return /^[0-9a-f]{40}$/.test(head) ? head : undefined
    const ref = head.slice(5)
    // A linked worktree keeps its HEAD apart and shares refs with the main checkout (its commondir).
    const refDirs = [gitDir, commonDir(gitDir)]
    for (const dir of refDirs) {
      try {
        return readFileSync(path.join(dir, ref), "utf8").trim()
      } catch {
        // Refs packed by `git gc` live in one file.
        const packed = readOrEmpty(path.join(dir, "packed-refs"))
        const line = packed.split("\n").find((entry) => entry.endsWith(` ${ref}`))
        if (line) return line.split(" ")[0]
      }
    }
    return undefined
  } catch {
    return undefined
  }
}

/** `.git` is a directory, or (worktrees, submodules) a file saying where the directory is. */
function resolveGitDir(root: string): string {
  const dotGit = path.join(root, ".git")
  if (statSync(dotGit).isDirectory()) return dotGit
  const pointer = readFileSync(dotGit, "utf8").trim()
  if (!pointer.startsWith("gitdir: ")) throw new Error("not a git checkout")
  return path.resolve(root, pointer.slice(8))
}

function commonDir(gitDir: string): string {
  const common = readOrEmpty(path.join(gitDir, "commondir")).trim()
  return common ? path.resolve(gitDir, common) : gitDir
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8")
  } catch {
    return ""
  }
}
