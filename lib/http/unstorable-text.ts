import { AppError } from "@/lib/errors"

// PostgreSQL refuses U+0000 in `text` and `jsonb`, and a lone UTF-16 surrogate has no UTF-8 form
// (`jsonb` refuses its escape; `text` would silently store U+FFFD instead). Either one reaching a
// query is a 500, and in the analytics group commit a failed flush, so the wrapper refuses both on
// the way in, for every route, rather than each schema remembering to.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
/**
 * In JSON text the only ways to write either are the escapes `\u0000` and `\uD800`–`\uDFFF`: a raw
 * NUL is invalid JSON and UTF-8 decoding never yields a surrogate. Bodies without one (nearly all)
 * skip the walk; a false match (an escaped backslash before "u0000") only costs the walk.
 */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89abcdefABCDEF])/

export type FieldIssue = { path: string; message: string }

type Node = { value: unknown; key: string | undefined; parent: Node | undefined }

/** Each string in `value` (a value or an object key) the database cannot store, by dotted path. */
export function unstorableStrings(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = []
  // Iterative: a body nested thousands deep must not overflow the stack.
  const stack: Node[] = [{ value, key: undefined, parent: undefined }]
  while (stack.length) {
    const node = stack.pop()!
    if (typeof node.value === "string") {
      if (UNSTORABLE.test(node.value)) issues.push({ path: pathOf(node), message: problemIn(node.value) })
    } else if (Array.isArray(node.value)) {
      for (let i = node.value.length - 1; i >= 0; i--)
        stack.push({ value: node.value[i], key: String(i), parent: node })
    } else if (node.value && typeof node.value === "object") {
      const entries = Object.entries(node.value)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!
        if (UNSTORABLE.test(key))
          issues.push({ path: pathOf({ value: key, key, parent: node }), message: `its name ${problemIn(key)}` })
        stack.push({ value: child, key, parent: node })
      }
    }
  }
  return issues
}

/** Throws 422 naming every field of a parsed JSON body that holds such a string. */
export function refuseUnstorableJson(text: string, parsed: unknown): void {
  if (UNSTORABLE_ESCAPE.test(text)) refuseUnstorable(parsed)
}

/** Throws 422 naming every field of `value` that holds such a string. */
export function refuseUnstorable(value: unknown): void {
  const issues = unstorableStrings(value)
  if (issues.length)
    throw new AppError("unprocessable_entity", "some fields hold characters that cannot be stored", issues)
}

function problemIn(text: string): string {
  return text.includes("\u0000")
    ? "contains a NUL character (U+0000)"
    : "contains a lone UTF-16 surrogate (half of a character)"
}

function pathOf(node: Node): string {
  const parts: string[] = []
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) parts.push(at.key)
  return parts.reverse().join(".")
}
