import nextVitals from "eslint-config-next/core-web-vitals"
import nextTypescript from "eslint-config-next/typescript"

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ["node_modules/**", ".next/**", "generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
]

export default config
