import nextVitals from "eslint-config-next/core-web-vitals"
import nextTypescript from "eslint-config-next/typescript"

// Import boundaries (CONTRIBUTING.md, "Edges stay at the edge"). lib/import-boundaries.test.ts lints
// a violating snippet for each rule and keeps SERVER_ONLY_MODULES equal to the files that say so.

/** Every module with `import "server-only"`; components never import one (its types they may). */
export const SERVER_ONLY_MODULES = [
  "app/dev/mailbox/_lib/access.ts",
  "lib/analytics/funnels/report.ts",
  "lib/analytics/funnels/saved-funnels.ts",
  "lib/analytics/reports/cohorts-report.ts",
  "lib/analytics/reports/geography.ts",
  "lib/analytics/reports/traffic.ts",
  "lib/analytics/reports/usage.ts",
  "lib/analytics/reports/web-vitals.ts",
  "lib/auth/session.ts",
  "lib/billing/checkout.ts",
  "lib/billing/polar.ts",
  "lib/billing/queries.ts",
  "lib/billing/refund-requests.ts",
  "lib/billing/refunds.ts",
  "lib/billing/subscriptions.ts",
  "lib/billing/test-mode/renewals.ts",
  "lib/customers/detail.ts",
  "lib/customers/queries.ts",
  "lib/database/raw-transaction.ts",
  "lib/db.ts",
  "lib/feedback/feature-request-status.ts",
  "lib/feedback/feature-requests.ts",
  "lib/feedback/messages.ts",
  "lib/feedback/nps.ts",
  "lib/feedback/report.ts",
  "lib/feedback/staff-queries.ts",
  "lib/jobs/start.ts",
  "lib/monitoring/errors/mutations.ts",
  "lib/monitoring/errors/queries.ts",
  "lib/monitoring/errors/record.ts",
  "lib/monitoring/errors/report.ts",
  "lib/monitoring/errors/source-map.ts",
  "lib/orders/account.ts",
  "lib/orders/credentials.ts",
  "lib/orders/fulfil.ts",
  "lib/orders/queries.ts",
  "lib/orders/reveal.ts",
  "lib/revenue/report.ts",
]

/**
 * Known exceptions to the server-only rule, to be paid off: the product page's sections are async
 * server components that load their own report. Moving each load into app/admin/product/page.tsx
 * (and passing the report down) removes its line here.
 */
const SERVER_IMPORTS_ALLOWED = {
  "app/admin/product/_components/**": ["lib/analytics/reports/*", "lib/analytics/funnels/*", "lib/feedback/report.ts"],
}

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**", "lib/**/testing/**"]
/** What ships: the app's code. Not scripts/, e2e/ or prisma/seed, which may use test support. */
const PRODUCTION = [
  "app/**/*.{ts,tsx}",
  "lib/**/*.{ts,tsx}",
  "components/**/*.{ts,tsx}",
  "emails/**/*.{ts,tsx}",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
]
/** Tests and test support: `testing/` folders (lib/testing shared, lib/<domain>/testing a domain's) and the `*fixtures.ts` files not yet moved into one. */
const TESTS_AND_SUPPORT = ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "**/*fixtures.ts"]
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const withoutExtension = (file) => file.replace(/\.tsx?$/, "")

const noAppImports = {
  regex: "^(@/app(/|$)|(\\.\\.?/)+app/)",
  message: "lib/ never imports app/: routes and pages call lib, not the other way round.",
}
const noHttpImports = (allowed = []) => ({
  regex: `^(@/lib/http|(\\.\\.?/)+http)(/(?!(${allowed.map(escape).join("|")})$)|$)`,
  message:
    "Only app/ and lib/http know HTTP: a domain takes plain data, throws AppError from @/lib/errors and limits with @/lib/rate-limit/limiter.",
})

/** The server-only modules a component may not import, as `@/…` and as a relative path to the same file. */
function serverOnlyImports(allowed = []) {
  const restricted = SERVER_ONLY_MODULES.filter(
    (file) =>
      !allowed.some((pattern) => (pattern.endsWith("/*") ? file.startsWith(pattern.slice(0, -1)) : file === pattern)),
  )
  return restricted.map((file) => {
    const path = withoutExtension(file)
    const tail = path.split("/").slice(-2).join("/")
    return {
      regex: `^(@/${escape(path)}|(\\.\\.?/)+(.*/)?${escape(tail)})$`,
      allowTypeImports: true,
      message: `${file} is server-only: a component gets such data as props from its page (importing types is fine).`,
    }
  })
}

const noTestSupportImports = {
  regex: "(^|/)testing(/|$)|fixtures$",
  message:
    "Test support (testing/ folders, *fixtures.ts) is imported by tests, scripts and e2e only: move what production needs into the domain.",
}
const noSeedImports = {
  regex: "^(@/prisma/seed|(\\.\\.?/)+prisma/seed)(/|$)",
  message: "The demo seed (prisma/seed) is started by npm run db:seed and scripts/start.ts, never imported by the app.",
}

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  // Domains know no HTTP and no routes. Tests and test support drive the app through its edge.
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { "no-restricted-imports": ["error", { patterns: [noHttpImports(), noAppImports] }] },
  },
  {
    files: ["lib/http/**/*.{ts,tsx}", "lib/server/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports] }] },
  },
  // Monitoring subscribes to the wrapper's published events (the wrapper does not know monitoring).
  {
    files: ["lib/monitoring/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: { "no-restricted-imports": ["error", { patterns: [noHttpImports(["timing", "failures"]), noAppImports] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}", "app/**/_components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnlyImports() }] },
  },
  ...Object.entries(SERVER_IMPORTS_ALLOWED).map(([files, allowed]) => ({
    files: [`${files}/*.{ts,tsx}`],
    rules: { "no-restricted-imports": ["error", { patterns: serverOnlyImports(allowed) }] },
  })),
  // Production never imports test support or the seed. The typescript-eslint twin of the rule, so that
  // it adds to the blocks above instead of replacing them (a later block replaces a rule's options).
  {
    files: PRODUCTION,
    ignores: TESTS_AND_SUPPORT,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [noTestSupportImports, noSeedImports] }],
    },
  },
]

export default config
