/** Where the journeys' server keeps its embedded database and generated secrets (playwright.config.ts sets it as DATA_DIR). */
export const E2E_DATA_DIR = ".data/e2e"
