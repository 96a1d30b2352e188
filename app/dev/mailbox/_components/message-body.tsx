import { linkify } from "../_lib/linkify"

/** The plain-text version with its links clickable: the quickest way to follow a magic link. */
export function MessageBody({ text }: { text: string }) {
  return (
    <pre className="overflow-x-auto rounded-xl border border-slate-200 bg-surface p-4 font-mono text-sm whitespace-pre-wrap wrap-anywhere text-slate-800 shadow-sm">
      {linkify(text).map((part, index) =>
        part.kind === "link" ? (
          <a
            key={index}
            href={part.value}
            data-testid="mailbox-link"
            className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
          >
            {part.value}
          </a>
        ) : (
          part.value
        ),
      )}
    </pre>
  )
}
