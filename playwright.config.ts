import { randomBytes } from "node:crypto"
import { defineConfig, devices } from "@playwright/test"
import { consentDeclined } from "./e2e/consent"
import { E2E_DATA_DIR } from "./e2e/data-dir"

// Journeys run against a production build on a fresh embedded database seeded with the demo
// business. Chromium comes from Debian (`apt-get install chromium`): Playwright cannot download
// its own browsers on these machines.
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://localhost:${port}`
const productionPort = port + 100
const productionURL = `http://localhost:${productionPort}`
// Read by e2e/production-posture.spec.ts in the workers, which inherit this process's environment.
process.env.E2E_PRODUCTION_URL ??= productionURL

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL,
    // The analytics banner asks every new visitor; the journeys answer it once here ("no") so it
    // never covers a button they press. A journey about consent starts from an empty state itself.
    storageState: consentDeclined(baseURL),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /phone\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /phone\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "npx tsx --conditions=react-server scripts/start.ts --fresh",
      url: `${baseURL}/api/health/ready`,
      timeout: 420_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        // The journeys read the demo staff's TOTP secrets from this server's database (e2e/demo-staff.ts).
        DATA_DIR: E2E_DATA_DIR,
        // A demo, whatever the shell sets: the journeys sign in through the open mailbox.
        APP_MODE: "demo",
        SEED_CUSTOMERS: "300",
        NEXTAUTH_URL: baseURL,
        // The journeys must not depend on the machine's database or email settings.
        DATABASE_URL: "",
        RESEND_API_KEY: "",
      },
    },
    // A second server in production mode with every required variable (e2e/production-posture.spec.ts).
    // Started after the first (Playwright starts them in order), so it finds the build fresh.
    {
      command: "npx tsx --conditions=react-server scripts/start.ts --fresh",
      url: `${productionURL}/api/health/ready`,
      timeout: 420_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(productionPort),
        DATA_DIR: ".data/e2e-production",
        APP_MODE: "production",
        BILLING_TEST_MODE: "1",
        NEXTAUTH_URL: "https://copilot.example.test",
        PROBE_BASE_URL: productionURL,
        // Throwaway secrets: this server's data is wiped on every start.
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        ENCRYPTION_KEY: randomBytes(32).toString("hex"),
        CREDENTIALS_KEY: randomBytes(32).toString("hex"),
        DATABASE_URL: "",
        RESEND_API_KEY: "",
        POLAR_ACCESS_TOKEN: "",
        SEED_DEMO: "",
      },
    },
  ],
})
