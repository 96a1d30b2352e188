import { execFileSync } from "node:child_process"
import { expect, test } from "vitest"
import { gitCommit } from "./git-commit"
import { releaseName } from "./release"

test("the release is SENTRY_RELEASE, else the commit, else the package version", () => {
  expect(releaseName({ explicit: " v1.4.0 ", commit: "0123456789abcdef0123" })).toBe("v1.4.0")
  expect(releaseName({ commit: "0123456789abcdef0123456789abcdef01234567" })).toBe("ai-copilot-vibe@0123456789ab")
  expect(releaseName({ version: "0.1.0" })).toBe("ai-copilot-vibe@0.1.0")
  expect(releaseName({ explicit: " ", commit: "", version: "2.0.0" })).toBe("ai-copilot-vibe@2.0.0")
})

test("the commit is read from .git as git itself reports it", () => {
  let expected: string | undefined
  try {
    expected = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim()
  } catch {
    expected = undefined
  }
  expect(gitCommit(process.cwd())).toBe(expected)
  expect(gitCommit("/nonexistent")).toBeUndefined()
})
