import type { ReactElement } from "react"
import { plainTextSelectors } from "@react-email/render"
import { compile } from "html-to-text"
import { env } from "@/lib/env"
import { EMAIL_TEMPLATES, type RenderContext, type TemplateName, type TemplateProps } from "./templates"

export type RenderedEmail = { subject: string; html: string; text: string }

/** The app's public URL for links in emails (no trailing slash). */
export function appUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "")
}

/** Renders a template to what is stored and sent: subject, HTML and its plain-text version. */
export async function renderEmail<T extends TemplateName>(
  name: T,
  props: TemplateProps<T>,
  context: RenderContext = { appUrl: appUrl() },
): Promise<RenderedEmail> {
  // The registry is keyed by name; TypeScript cannot correlate name and props through the union.
  const definition = EMAIL_TEMPLATES[name] as unknown as {
    subject: (props: TemplateProps<T>) => string
    render: (props: TemplateProps<T>, context: RenderContext) => ReactElement
  }
  const html = await renderToHtml(definition.render(props, context))
  return { subject: definition.subject(props), html, text: toPlainText(html) }
}

const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'

/**
 * React Email's document (its doctype, then the markup) without its render(): that one streams
 * through Suspense to allow async components, which ours are not, and costs ten times as much
 * (about 3 ms against 0.3 ms), paid inside the webhook transaction that queues the email. Loaded
 * the way React Email loads it, so the server bundle resolves the same module.
 */
async function renderToHtml(element: ReactElement): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server")
  return DOCTYPE + renderToStaticMarkup(element)
}

// React Email's own plain-text rules, compiled once: its toPlainText recompiles them on every call,
// which cost more than rendering the HTML.
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors })
