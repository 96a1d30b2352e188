// Where to send someone after sign-in or the second factor. Only same-site paths: an absolute or
// protocol-relative URL here would make our sign-in page an open redirect for phishing links.
// Browsers read "/\evil.com" as "//evil.com", so a backslash after the slash is refused too.

export type SearchParamValue = string | string[] | undefined

export function safeCallbackUrl(value: SearchParamValue, fallback: string): string {
  const candidate = Array.isArray(value) ? value[0] : value
  if (!candidate || !candidate.startsWith("/")) return fallback
  if (candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback
  // Control characters (tabs, newlines) are stripped by URL parsers and can smuggle a host in.
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback
  return candidate
}
