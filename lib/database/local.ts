import path from "node:path"

/** Where the embedded database and local-mode secrets live (gitignored). A runtime folder, so the build does not trace it. */
export const DATA_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR ?? ".data")
export const EMBEDDED_DB_DIR = path.join(DATA_DIR, "pglite")
