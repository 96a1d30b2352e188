import { plainTextSelectors } from "@react-email/render"
import { compile } from "html-to-text"

// A message's plain-text version is not computed when it is queued (the webhook transaction that
// queues it would pay for it): it is stored only when given, and otherwise derived from the HTML
// here, where someone reads it, while Resend derives its own when sending.

/**
 * React Email's own plain-text rules, compiled once: its toPlainText recompiles them on every call,
 * which cost more than rendering the HTML.
 */
export const toPlainText: (html: string) => string = compile({ wordwrap: false, selectors: plainTextSelectors })

/** The plain text of a stored message: its own when stored, else derived from its HTML. */
export function messageText(message: { html: string; text: string | null }): string {
  return message.text ?? toPlainText(message.html)
}
