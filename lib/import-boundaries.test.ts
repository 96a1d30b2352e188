import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { ESLint } from "eslint"
import { expect, test } from "vitest"

// The import boundaries in eslint.config.mjs, linted for real: each rule reports its violation,
// the allowed forms pass, and the server-only list is the set of files that say `import "server-only"`.

const root = path.resolve(import.meta.dirname, "..")
const eslint = new ESLint({ cwd: root })

/** The boundary messages ESLint gives `code` as if it were the file at `file`. */
async function boundaryErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return result!.messages
    .filter((message) => message.ruleId?.endsWith("no-restricted-imports"))
    .map((message) => message.message)
}

test("a domain never imports lib/http, by alias or relative path", { timeout: 60_000 }, async () => {
  expect(
    await boundaryErrors(`import { AppError } from "@/lib/http/errors"\nexport const e = AppError`, "lib/orders/x.ts"),
  ).toEqual([expect.stringContaining("Only app/ and lib/http know HTTP")])
  expect(
    await boundaryErrors(
      `import { consumeRateLimit } from "../http/rate-limit"\nexport const c = consumeRateLimit`,
      "lib/auth/x.ts",
    ),
  ).toHaveLength(1)
  expect(
    await boundaryErrors(
      `import type { Caller } from "@/lib/http/authenticate"\nexport type C = Caller`,
      "lib/billing/x.ts",
    ),
  ).toHaveLength(1)
  expect(
    await boundaryErrors(
      `import { AppError } from "@/lib/errors"\nimport { consumeRateLimit } from "@/lib/rate-limit/limiter"\nexport const x = [AppError, consumeRateLimit]`,
      "lib/orders/x.ts",
    ),
  ).toEqual([])
})

test(
  "lib/http and lib/server may use lib/http; monitoring only the wrapper's events; tests drive the edge",
  { timeout: 60_000 },
  async () => {
    const http = `import { clientAddress } from "@/lib/http/client-address"\nexport const a = clientAddress`
    expect(await boundaryErrors(http, "lib/http/x.ts")).toEqual([])
    expect(await boundaryErrors(http, "lib/server/x.ts")).toEqual([])
    expect(
      await boundaryErrors(
        `import { onRequestTimed } from "@/lib/http/timing"\nexport const t = onRequestTimed`,
        "lib/monitoring/x.ts",
      ),
    ).toEqual([])
    expect(
      await boundaryErrors(
        `import { onRequestFailed } from "../../http/failures"\nexport const f = onRequestFailed`,
        "lib/monitoring/errors/x.ts",
      ),
    ).toEqual([])
    expect(
      await boundaryErrors(
        `import { identifyCaller } from "@/lib/http/authenticate"\nexport const i = identifyCaller`,
        "lib/monitoring/x.ts",
      ),
    ).toHaveLength(1)
    expect(
      await boundaryErrors(
        `import { route } from "@/lib/http/route"\nimport { POST } from "@/app/api/events/route"\nexport const r = [route, POST]`,
        "lib/orders/x.int.test.ts",
      ),
    ).toEqual([])
  },
)

test("lib never imports app", { timeout: 60_000 }, async () => {
  const app = `import { POST } from "@/app/api/events/route"\nexport const p = POST`
  expect(await boundaryErrors(app, "lib/analytics/x.ts")).toEqual([expect.stringContaining("lib/ never imports app/")])
  expect(await boundaryErrors(app, "lib/http/x.ts")).toHaveLength(1)
  expect(
    await boundaryErrors(
      `import { CONFIRM } from "../../app/signin/confirm"\nexport const c = CONFIRM`,
      "lib/auth/x.ts",
    ),
  ).toHaveLength(1)
})

test("components import no server-only module, except its types", { timeout: 60_000 }, async () => {
  const db = `import { db } from "@/lib/db"\nexport const d = db`
  expect(await boundaryErrors(db, "components/orders/x.tsx")).toEqual([
    expect.stringContaining("lib/db.ts is server-only"),
  ])
  expect(await boundaryErrors(db, "app/admin/orders/_components/x.tsx")).toHaveLength(1)
  expect(
    await boundaryErrors(
      `import { requireMailboxAccess } from "../_lib/access"\nexport const r = requireMailboxAccess`,
      "app/dev/mailbox/_components/x.tsx",
    ),
  ).toHaveLength(1)
  expect(
    await boundaryErrors(
      `import type { AccountOrder } from "@/lib/orders/account"\nexport type A = AccountOrder`,
      "components/orders/x.tsx",
    ),
  ).toEqual([])
  expect(
    await boundaryErrors(
      `import { formatMoney } from "@/lib/format/money"\nexport const f = formatMoney`,
      "components/orders/x.tsx",
    ),
  ).toEqual([])
  // The known exception (eslint.config.mjs, SERVER_IMPORTS_ALLOWED) covers its reports only.
  expect(
    await boundaryErrors(
      `import { trafficReport } from "@/lib/analytics/reports/traffic"\nexport const t = trafficReport`,
      "app/admin/product/_components/x.tsx",
    ),
  ).toEqual([])
  expect(await boundaryErrors(db, "app/admin/product/_components/x.tsx")).toHaveLength(1)
})

test(
  "production imports no test support and no seed; tests, test support and scripts may",
  { timeout: 60_000 },
  async () => {
    const support = `import { createTestUser } from "@/lib/testing/fixtures"\nexport const c = createTestUser`
    expect(await boundaryErrors(support, "lib/orders/x.ts")).toEqual([
      expect.stringContaining("Test support (testing/ folders, *fixtures.ts)"),
    ])
    expect(await boundaryErrors(support, "app/api/orders/route.ts")).toHaveLength(1)
    expect(await boundaryErrors(support, "components/orders/x.tsx")).toHaveLength(1)
    // Beside the folder's own rules, not instead of them.
    expect(
      await boundaryErrors(
        `${support}\nimport { POST } from "@/app/api/events/route"\nexport const p = POST`,
        "lib/monitoring/x.ts",
      ),
    ).toHaveLength(2)
    expect(
      await boundaryErrors(
        `import { createPaidOrder } from "./testing/fixtures"\nexport const c = createPaidOrder`,
        "lib/orders/x.ts",
      ),
    ).toHaveLength(1)
    expect(
      await boundaryErrors(
        `import { insertRawEvents } from "./usage-fixtures"\nexport const i = insertRawEvents`,
        "lib/analytics/reports/x.ts",
      ),
    ).toHaveLength(1)
    expect(
      await boundaryErrors(
        `import { DEMO_PLANS } from "@/prisma/seed/plans"\nexport const d = DEMO_PLANS`,
        "app/pricing/page.tsx",
      ),
    ).toEqual([expect.stringContaining("The demo seed (prisma/seed)")])
    expect(
      await boundaryErrors(
        `import { seedDemoBusiness } from "../../prisma/seed"\nexport const s = seedDemoBusiness`,
        "lib/billing/x.ts",
      ),
    ).toHaveLength(1)
    expect(await boundaryErrors(support, "lib/orders/x.int.test.ts")).toEqual([])
    expect(await boundaryErrors(support, "lib/orders/testing/fixtures.ts")).toEqual([])
    expect(await boundaryErrors(support, "scripts/bench/x.ts")).toEqual([])
  },
)

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

test("SERVER_ONLY_MODULES lists exactly the files that import server-only", async () => {
  const { SERVER_ONLY_MODULES } = (await import(path.join(root, "eslint.config.mjs"))) as {
    SERVER_ONLY_MODULES: string[]
  }
  const declared = ["app", "components", "lib", "emails"]
    .flatMap(sourceFiles)
    .filter((file) => /^import ["']server-only["']/m.test(readFileSync(path.join(root, file), "utf8")))
  expect([...SERVER_ONLY_MODULES].sort(), "add (or remove) the file in SERVER_ONLY_MODULES, eslint.config.mjs").toEqual(
    declared.sort(),
  )
})
