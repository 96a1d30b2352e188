import packageJson from "../../../package.json"
import { env } from "../../env"

// The release names the build: error groups, their occurrences and Sentry events all carry it.
// next.config.ts names it once at build time (with the commit read from .git) and bakes it into
// the server and browser bundles as NEXT_PUBLIC_APP_RELEASE. Relative imports: next.config.ts
// loads this file. No file system here: it also runs on the edge runtime.

const NAME = packageJson.name

export type ReleaseSources = { explicit?: string; commit?: string; version?: string }

/** `explicit` (SENTRY_RELEASE) if given, else `<app>@<commit>`, else `<app>@<package version>`. */
export function releaseName({ explicit, commit, version = packageJson.version }: ReleaseSources): string {
  if (explicit?.trim()) return explicit.trim()
  if (commit?.trim()) return `${NAME}@${commit.trim().slice(0, 12)}`
  return `${NAME}@${version}`
}

/** This process's release: SENTRY_RELEASE at runtime, else the one baked in at build time. */
export function appRelease(): string {
  const { SENTRY_RELEASE, NEXT_PUBLIC_APP_RELEASE, GIT_COMMIT } = env()
  return releaseName({ explicit: SENTRY_RELEASE ?? NEXT_PUBLIC_APP_RELEASE, commit: GIT_COMMIT })
}
