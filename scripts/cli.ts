// npm run cli -- <command>: see scripts/cli/commands.ts for the commands.
import { openScriptDatabase } from "@/lib/database/script-db"
import { disconnectDb } from "@/lib/db"
import { runCli } from "./cli/commands"

const database = await openScriptDatabase()
let code = 1
try {
  code = await runCli(process.argv.slice(2))
} finally {
  await disconnectDb()
  await database.stop()
}
process.exit(code)
