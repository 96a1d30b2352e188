// What `npm run audit` decides from `npm audit --json`: which advisories of high or critical
// severity fail the check, which the allow-list accepts (each with a reason and an expiry date),
// and which allow-list entries have expired (they fail too, so an acceptance is looked at again).

export type AllowListEntry = { advisory: string; package: string; reason: string; expires: string }
export type Finding = { advisory: string; package: string; severity: string; title: string; url: string }
export type AuditVerdict = { failing: Finding[]; accepted: Finding[]; expired: AllowListEntry[] }

type Via = string | { source?: number; name?: string; title?: string; url?: string; severity?: string }
type AuditReport = { vulnerabilities?: Record<string, { name: string; severity: string; via: Via[] }> }

const FAILING_SEVERITIES = new Set(["high", "critical"])

/** The advisories a report names (each once), at high or critical severity. */
export function findingsOf(report: AuditReport): Finding[] {
  const found = new Map<string, Finding>()
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via) {
      // A string names another vulnerable package this one depends on: reported under that one.
      if (typeof via === "string" || !via.severity || !FAILING_SEVERITIES.has(via.severity)) continue
      const url = via.url ?? ""
      const advisory = /GHSA-[\w-]+/i.exec(url)?.[0] ?? String(via.source ?? url)
      found.set(`${advisory}|${via.name ?? vulnerability.name}`, {
        advisory,
        package: via.name ?? vulnerability.name,
        severity: via.severity,
        title: via.title ?? "",
        url,
      })
    }
  }
  return [...found.values()].sort((a, b) => a.package.localeCompare(b.package) || a.advisory.localeCompare(b.advisory))
}

/** Findings split by the allow-list as it stands on `today` (YYYY-MM-DD, UTC); an entry is good up to and including its expiry day. */
export function evaluateAudit(findings: Finding[], allowList: AllowListEntry[], today: string): AuditVerdict {
  const current = allowList.filter((entry) => entry.expires >= today)
  const accepts = (finding: Finding) =>
    current.some(
      (entry) => entry.advisory.toLowerCase() === finding.advisory.toLowerCase() && entry.package === finding.package,
    )
  return {
    failing: findings.filter((finding) => !accepts(finding)),
    accepted: findings.filter(accepts),
    expired: allowList.filter((entry) => entry.expires < today),
  }
}

/** True when npm could not get advisories at all (a registry or mirror without the audit endpoint, or offline). */
export function advisoriesUnavailable(output: { statusCode?: number; message?: string; error?: unknown }): boolean {
  return output.statusCode !== undefined || (output.error !== undefined && !("vulnerabilities" in output))
}
