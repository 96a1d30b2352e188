// npm run email:preview [-- --open]: renders every template in emails/ with its preview props to
// .data/email-preview/<name>.html, its plain text (derived from the HTML, as the mailbox shows it) to
// <name>.txt, plus an index.html, offline, and prints where to open it.
import { spawn } from "node:child_process"
import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { renderEmail } from "@/lib/email/render"
import { EMAIL_TEMPLATES, TEMPLATE_NAMES } from "@/lib/email/templates"

const outDir = path.resolve(process.env.DATA_DIR ?? ".data", "email-preview")
const escape = (value: string) =>
  value.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)

await mkdir(outDir, { recursive: true })
const rows: string[] = []
for (const name of TEMPLATE_NAMES) {
  const { subject, html, text } = await renderEmail(name, EMAIL_TEMPLATES[name].previewProps as never, {
    appUrl: "http://localhost:3000",
  })
  await writeFile(path.join(outDir, `${name}.html`), html)
  // The byte-order mark makes a browser read the file as UTF-8 (€, curly quotes) without a charset header.
  await writeFile(path.join(outDir, `${name}.txt`), `\uFEFF${text}`)
  rows.push(
    `<li><a href="${name}.html" target="preview">${escape(name)}</a> (<a href="${name}.txt" target="preview">text</a>)<br><small>${escape(subject)}</small></li>`,
  )
}
await writeFile(
  path.join(outDir, "index.html"),
  `<!doctype html><meta charset="utf-8"><title>Email preview</title>
<style>body{margin:0;display:flex;height:100vh;font:14px system-ui,sans-serif}nav{width:300px;overflow:auto;border-right:1px solid #ddd;padding:16px}
li{margin:0 0 12px}small{color:#666}iframe{flex:1;border:0}</style>
<nav><h1 style="font-size:18px">Email templates</h1><ul>${rows.join("")}</ul></nav>
<iframe name="preview" title="Selected email" src="${TEMPLATE_NAMES[0]}.html"></iframe>`,
)
const index = pathToFileURL(path.join(outDir, "index.html")).href
console.log(`Rendered ${TEMPLATE_NAMES.length} templates. Open ${index}`)
if (process.argv.includes("--open")) {
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open"
  spawn(opener, [index], { stdio: "ignore", detached: true })
    .on("error", () => console.log(`(could not run ${opener}; open the file by hand)`))
    .unref()
}
