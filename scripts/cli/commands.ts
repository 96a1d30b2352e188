import { parseArgs } from "node:util"
import { z } from "zod"
import { changeRoleSchema, operatorTokenSchema } from "@/lib/auth/schemas"
import { setRoleAsOperator } from "@/lib/auth/team"
import { createApiTokenAsOperator, listApiTokens, revokeApiToken } from "@/lib/auth/tokens"
import { repairBillingFromDeliveries } from "@/lib/billing/lifecycle/repair"
import { AppError } from "@/lib/errors"

// The operator's command line. Every command goes through the same lib/ functions as the API.

export const USAGE = `usage: npm run cli -- <command>
  token create --email <staff email> --name <label> --scopes <read,orders,billing,admin> --days <1-365>
                                                      print a new API token acting as that staff member
                                                      (shown once, audited via "cli")
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
    options: {
      email: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      role: { type: "string" },
      scopes: { type: "string" },
      days: { type: "string" },
    },
  })
  const command = positionals.join(" ")
  try {
    switch (command) {
      case "token create": {
        const input = operatorTokenSchema.parse({
          email: values.email,
          name: values.name,
          scopes: values.scopes?.split(",").map((scope) => scope.trim()),
          expiresInDays: values.days === undefined ? undefined : Number(values.days),
        })
        const { token, id, expiresAt } = await createApiTokenAsOperator(input)
        out.log(
          `token ${id} created for ${input.email} (${input.scopes.join(",")}, expires ${expiresAt.toISOString()}). Store it now; it is not shown again:`,
        )
        out.log(token)
        return 0
      }
      case "token list": {
        const tokens = await listApiTokens("operator")
        if (tokens.length === 0) out.log("no tokens yet")
        for (const t of tokens) {
          const state = t.revokedAt
            ? `revoked ${t.revokedAt.toISOString()}`
            : `${t.expiresAt <= new Date() ? "expired" : "active"} until ${t.expiresAt.toISOString()}, last used ${t.lastUsedAt?.toISOString() ?? "never"}`
          out.log(
            `${t.id}  ${t.prefix}…  ${t.name}  ${t.user.email} (${t.user.role})  [${t.scopes.join(",")}]  ${state}`,
          )
        }
        return 0
      }
      case "token revoke": {
        const id = z.string().min(1).parse(values.id)
        await revokeApiToken({ tokenId: id, by: { user: null, via: "cli" } })
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
      out.error(error.issues.map((issue) => `--${flagOf(String(issue.path[0] ?? ""))}: ${issue.message}`).join("\n"))
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

/** The flag a schema field comes from, for the error message. */
function flagOf(field: string): string {
  return field === "expiresInDays" ? "days" : field
}
