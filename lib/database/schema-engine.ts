import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { PrismaPg } from "@prisma/adapter-pg"
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils"
import type { SchemaEngine } from "@prisma/schema-engine-wasm"
import type pg from "pg"

// Prisma's CLI downloads a native schema engine that these machines cannot reach; the same engine
// compiled to WebAssembly runs migrations over our own driver adapter instead (ENVIRONMENT.md).

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg")
let bindings: Promise<Bindings> | undefined

async function loadBindings(): Promise<Bindings> {
  const bg: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg")
  const require = createRequire(import.meta.url)
  const wasmPath = path.join(
    path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
    "schema_engine_bg.wasm",
  )
  const compiled = await WebAssembly.compile(await readFile(wasmPath))
  const instance = await WebAssembly.instantiate(compiled, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  })
  bg.__wbg_set_wasm(instance.exports)
  ;(instance.exports.__wbindgen_start as () => void)()
  return bg
}

export async function openSchemaEngine(
  pool: pg.Pool,
  datamodel: string,
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  bindings ??= loadBindings()
  const { SchemaEngine } = await bindings
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool))
  return SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, (message: string) => log(message), adapter)
}
