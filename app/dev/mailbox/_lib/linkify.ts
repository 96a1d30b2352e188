// Splits plain text into text and http(s) link parts, so the mailbox can render clickable links
// with React elements instead of injecting HTML.

export type TextPart = { kind: "text"; value: string } | { kind: "link"; value: string }

// Brackets, quotes and angle brackets end a URL: plain-text emails wrap links in them.
const URL_PATTERN = /(https?:\/\/[^\s<>"'[\]]+)/
// Sentence punctuation right after a URL belongs to the sentence, not the URL.
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = []
  const push = (part: TextPart) => {
    if (!part.value) return
    const last = parts.at(-1)
    if (part.kind === "text" && last?.kind === "text") last.value += part.value
    else parts.push(part)
  }
  // With a capturing group, split puts the matches at the odd indices.
  text.split(URL_PATTERN).forEach((segment, index) => {
    if (index % 2 === 0) return push({ kind: "text", value: segment })
    const trailing = segment.match(TRAILING_PUNCTUATION)?.[0] ?? ""
    const url = segment.slice(0, segment.length - trailing.length)
    if (/^https?:\/\/.+/.test(url)) push({ kind: "link", value: url })
    else push({ kind: "text", value: url })
    push({ kind: "text", value: trailing })
  })
  return parts
}
