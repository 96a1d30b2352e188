import "dotenv/config"
import { defineConfig } from "prisma/config"

// The URL is only needed by commands that connect; `prisma generate` runs without one.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed/cli.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
})
