import path from "node:path"
import { defineConfig } from "vitest/config"

const root = import.meta.dirname
const shared = {
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside React Server Components; tests call server modules directly.
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/empty-module.ts") },
    ],
  },
}

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          environment: "node",
          include: ["{app,components,lib,scripts,prisma,emails}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "node_modules/**"],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          environment: "node",
          include: ["{app,components,lib,scripts,prisma,emails}/**/*.int.test.{ts,tsx}"],
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/setup-integration.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
