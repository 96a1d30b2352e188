import { parseArgs } from "node:util"
import { z } from "zod"
import { changeRoleSchema, createTokenSchema } from "@/lib/auth/schemas"
import { setRoleAsOperator } from "@/lib/auth/team"
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/tokens"
import { repairBillingFromDeliveries } from "@/lib/billing/lifecycle/repair"
import { AppError } from "@/lib/http/errors"

// The operator's command line. Every command goes through the same lib/ functions as the API.

export const USAGE = `usage: npm run cli -- <command>
  token create --email <staff email> --name <label>   print a new staff API token (shown once)
  token list                                          list tokens (never the tokens themselves)
  token revoke --id <token id>                        revoke a token
  user role --email <email> --role <ROLE>             set a user's role (SUBSCRIBER SUPPORT ENGINEER ADMIN OWNER)
  billing repair                                      recompute every Polar subscription from its stored deliveries
                                                      (ledger, receipts, duplicate seat orders); safe to run again`

type Output = { log: (line: string) => void; error: (line: string) => void }

/** Runs one command; returns the process exit code (0 ok, 1 refused, 2 usage). */
export async function runCli(argv: string[], out: Output = console): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, id: { type: "string" }, role: { type: "string" } },
  })
  const command = positionals.join(" ")
  try {
    switch (command) {
      case "token create": {
        const input = createTokenSchema.parse({ email: values.email, name: values.name })
        const { token, id } = await createApiToken({ ...input, actor: null })
        out.log(`token ${id} created for ${input.email}. Store it now; it is not shown again:`)
        out.log(token)
        return 0
      }
      case "token list": {
        const tokens = await listApiTokens()
        if (tokens.length === 0) out.log("no tokens yet")
        for (const t of tokens) {
          const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : `active, last used ${t.lastUsedAt?.toISOString() ?? "never"}`
          out.log(`${t.id}  ${t.prefix}…  ${t.name}  ${t.user.email} (${t.user.role})  ${state}`)
        }
        return 0
      }
      case "token revoke": {
        const id = z.string().min(1).parse(values.id)
        await revokeApiToken({ tokenId: id, actor: null })
        out.log(`token ${id} revoked`)
        return 0
      }
      case "user role": {
        const input = changeRoleSchema.parse({ email: values.email, role: values.role?.toUpperCase() })
        const member = await setRoleAsOperator(input)
        out.log(`${member.email} is now ${member.role}`)
        return 0
      }
      case "billing repair": {
        const report = await repairBillingFromDeliveries(out.log)
        out.log(JSON.stringify(report, null, 2))
        return 0
      }
      default:
        out.error(USAGE)
        return 2
    }
  } catch (error) {
    if (error instanceof z.ZodError) {
      out.error(error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"))
      out.error(USAGE)
      return 2
    }
    if (error instanceof AppError) {
      out.error(error.message)
      return 1
    }
    throw error
  }
}
