import path from "node:path"

/** Where the embedded database and local-mode secrets live (gitignored). */
export const DATA_DIR = path.resolve(process.cwd(), process.env.DATA_DIR ?? ".data")
export const EMBEDDED_DB_DIR = path.join(DATA_DIR, "pglite")
