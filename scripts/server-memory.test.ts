import { expect, test } from "vitest"
import { DEFAULT_HEAP_MB, SEMI_SPACE_MB, serverNodeOptions } from "./server-memory"

test("the heap limit (768 MB unless NODE_HEAP_MB says otherwise) and the semi-space size are added to the caller's options", () => {
  expect([DEFAULT_HEAP_MB, SEMI_SPACE_MB]).toEqual([768, 32])
  expect(serverNodeOptions(undefined, undefined)).toBe("--max-old-space-size=768 --max-semi-space-size=32")
  expect(serverNodeOptions("", " ")).toBe("--max-old-space-size=768 --max-semi-space-size=32")
  expect(serverNodeOptions("--enable-source-maps", "1024")).toBe(
    "--enable-source-maps --max-old-space-size=1024 --max-semi-space-size=32",
  )
})

test("a flag already in NODE_OPTIONS wins", () => {
  expect(serverNodeOptions("--max-old-space-size=2048", "512")).toBe(
    "--max-old-space-size=2048 --max-semi-space-size=32",
  )
  expect(serverNodeOptions("--inspect --max-semi-space-size=64", undefined)).toBe(
    "--inspect --max-semi-space-size=64 --max-old-space-size=768",
  )
  expect(serverNodeOptions("--max-old-space-size 300 --max-semi-space-size=8", "900")).toBe(
    "--max-old-space-size 300 --max-semi-space-size=8",
  )
})

test("a limit that is not a sensible number of megabytes is refused", () => {
  expect(() => serverNodeOptions(undefined, "1g")).toThrow(/NODE_HEAP_MB/)
  expect(() => serverNodeOptions(undefined, "10")).toThrow(/at least 64/)
})
