import { expect, test } from "vitest"
import { fingerprint, normaliseMessage } from "./fingerprint"
import { functionName, normaliseFile, parseStack, topFrame } from "./stack"

test("normalising a message blanks numbers, ids, uuids, hex, quoted strings, urls and emails", () => {
  expect(normaliseMessage("Order 1234 failed after 2.5s")).toBe("Order <n> failed after <n>s")
  expect(normaliseMessage("no subscription cm3k9x2ab0000qwerty12345 for 9f8e7d6c-1a2b-4c3d-8e9f-0a1b2c3d4e5f")).toBe(
    "no subscription <id> for <uuid>",
  )
  expect(normaliseMessage("bad pointer 0x7ffd1234 in deadbeef42")).toBe("bad pointer <hex> in <hex>")
  expect(normaliseMessage(`Unknown plan "pro-annual" for 'acme' (\`x\`)`)).toBe("Unknown plan <str> for <str> (<str>)")
  expect(normaliseMessage("fetch https://api.polar.sh/v1/orders/42?x=1 failed")).toBe("fetch <url> failed")
  expect(normaliseMessage("mail to ann.lee@example.com bounced")).toBe("mail to <email> bounced")
  // Words with digits in them and apostrophes in prose stay.
  expect(normaliseMessage("can't decode utf8 input, v2 only, waited 3000ms")).toBe(
    "can't decode utf8 input, v2 only, waited <n>ms",
  )
  expect(normaliseMessage("  two\n\tlines  ")).toBe("two lines")
})

test("function names agree across engines: receivers, nesting, async/new and minified names drop out", () => {
  expect(functionName("Object.<anonymous>")).toBe("")
  expect(functionName("async OrderService.fulfil")).toBe("fulfil")
  expect(functionName("new Checkout")).toBe("Checkout")
  expect(functionName("submitOrder/<")).toBe("submitOrder")
  expect(functionName("outer/inner<")).toBe("inner")
  expect(functionName("Array.forEach [as each]")).toBe("forEach")
  expect(functionName("e")).toBe("")
  expect(functionName("global code")).toBe("")
})

test("files lose origin, query, line and column, machine paths and build hashes", () => {
  // webpack's named chunks, Turbopack's opaque client chunks and its server chunks with a source hint
  expect(
    normaliseFile("http://localhost:3000/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js?v=1:1:2345"),
  ).toBe("_next/static/chunks/app/account/page-<chunk>.js")
  expect(normaliseFile("https://shop.example/_next/static/chunks/page-abcdefabcdef.js:2:10")).toBe(
    "_next/static/chunks/page-<chunk>.js",
  )
  expect(normaliseFile("https://shop.example/_next/static/chunks/1iemdzl-x5iy0.js:2:10")).toBe(
    "_next/static/chunks/<chunk>",
  )
  expect(normaliseFile("https://shop.example/_next/static/chunks/9876-0a1b2c3d4e5f6a7b.js:2:10")).toBe(
    "_next/static/chunks/<chunk>",
  )
  expect(normaliseFile("/srv/app/.next/server/chunks/ssr/[root-of-the-server]__0a1b2c3d._.js:12:5")).toBe(
    ".next/server/chunks/ssr/<chunk>",
  )
  expect(normaliseFile("/srv/app/.next/server/chunks/lib_orders_fulfil_ts_03s8n9_g1tm1m._.js:12:5")).toBe(
    ".next/server/chunks/lib_orders_fulfil_ts_<chunk>",
  )
  expect(normaliseFile("/srv/app/.next/server/app/api/orders/[id]/route.js:3:1")).toBe(
    ".next/server/app/api/orders/[id]/route.js",
  )
  expect(normaliseFile("https://shop.example/_next/static/Xh3kF9qLm2/_buildManifest.js:1:1")).toBe(
    "_next/static/<hash>/_buildManifest.js",
  )
  expect(normaliseFile("file:///work/main/lib/orders/fulfil.ts:40:11")).toBe("lib/orders/fulfil.ts")
  expect(normaliseFile("webpack-internal:///(rsc)/./lib/orders/fulfil.ts:40:11")).toBe("lib/orders/fulfil.ts")
  expect(normaliseFile("node:internal/process/task_queues:95:5")).toBe("node:internal/process/task_queues")
})

// A server error as Node prints it: our frame sits under a dependency's and Node's own.
const SERVER_STACK = `Error: Order 1234 has no seat
    at assertSeat (/work/main/node_modules/some-lib/dist/index.js:10:11)
    at fulfilOrder (/work/main/lib/orders/fulfil.ts:42:13)
    at async route (/work/main/lib/http/route.ts:60:18)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`

test("the top frame is the first one of our own code", () => {
  expect(parseStack(SERVER_STACK)).toEqual([
    { fn: "assertSeat", file: "node_modules/some-lib/dist/index.js" },
    { fn: "fulfilOrder", file: "lib/orders/fulfil.ts" },
    { fn: "route", file: "lib/http/route.ts" },
    { fn: "processTicksAndRejections", file: "node:internal/process/task_queues" },
  ])
  expect(topFrame(parseStack(SERVER_STACK))).toBe("fulfilOrder (lib/orders/fulfil.ts)")
  // Next's runtime and Node internals are skipped the same way.
  const fromNext = `TypeError: x is not a function
    at renderToStream (/app/node_modules/next/dist/server/app-render/app-render.js:1:2)
    at /app/.next/server/chunks/ssr/_4f3a2b1c._.js:3:4
    at node:internal/async_hooks:1:1`
  expect(topFrame(parseStack(fromNext))).toBe(".next/server/chunks/ssr/<chunk>")
  // With no frame of ours, the first frame still tells something.
  expect(topFrame(parseStack("Error: x\n    at Socket.emit (node:events:519:28)"))).toBe("emit (node:events)")
  expect(topFrame(parseStack(undefined))).toBeNull()
})

test("a line shift or a rebuild keeps the fingerprint; another message or frame changes it", () => {
  const base = fingerprint("server", { name: "Error", message: "Order 1234 has no seat", stack: SERVER_STACK })
  expect(base.topFrame).toBe("fulfilOrder (lib/orders/fulfil.ts)")
  expect(base.normalisedMessage).toBe("Order <n> has no seat")
  const shifted = SERVER_STACK.replace("fulfil.ts:42:13", "fulfil.ts:57:9").replace("1234", "99")
  expect(fingerprint("server", { name: "Error", message: "Order 99 has no seat", stack: shifted }).fingerprint).toBe(
    base.fingerprint,
  )
  expect(
    fingerprint("server", { name: "Error", message: "Order 1234 was refunded", stack: SERVER_STACK }).fingerprint,
  ).not.toBe(base.fingerprint)
  expect(
    fingerprint("server", {
      name: "Error",
      message: "Order 1234 has no seat",
      stack: SERVER_STACK.replace("fulfilOrder", "releaseOrder"),
    }).fingerprint,
  ).not.toBe(base.fingerprint)
  expect(
    fingerprint("server", { name: "TypeError", message: "Order 1234 has no seat", stack: SERVER_STACK }).fingerprint,
  ).not.toBe(base.fingerprint)
  expect(
    fingerprint("browser", { name: "Error", message: "Order 1234 has no seat", stack: SERVER_STACK }).fingerprint,
  ).not.toBe(base.fingerprint)
})

// One bug (a click handler throwing) seen by Chrome, Firefox and Safari, from two builds.
const CHROME = `Error: Seat 17 could not be revealed
    at revealSeat (http://localhost:3000/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js:1:4242)
    at onClick (http://localhost:3000/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js:1:5001)
    at Object.callCallback (http://localhost:3000/_next/static/chunks/framework-0c1d2e3f4a5b6c7d.js:9:100)`
const FIREFOX = `revealSeat@http://localhost:3000/_next/static/chunks/app/account/page-99aa88bb77cc66dd.js:1:4301
onClick@http://localhost:3000/_next/static/chunks/app/account/page-99aa88bb77cc66dd.js:1:5100
callCallback@http://localhost:3000/_next/static/chunks/framework-0c1d2e3f4a5b6c7d.js:9:100
`
const SAFARI = `revealSeat@https://shop.example/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js:1:4242
onClick@https://shop.example/_next/static/chunks/app/account/page-3f2a9c1d5e6b7a80.js:1:5001
forEach@[native code]
global code@https://shop.example/_next/static/chunks/main-1a2b3c4d5e6f7a8b.js:1:1`

test("browsers: V8 and Firefox/Safari stack formats of one bug share a fingerprint", () => {
  expect(parseStack(FIREFOX)[0]).toEqual({ fn: "revealSeat", file: "_next/static/chunks/app/account/page-<chunk>.js" })
  expect(parseStack(SAFARI).map((frame) => frame.fn)).toEqual(["revealSeat", "onClick", ""])
  const chrome = fingerprint("browser", { name: "Error", message: "Seat 17 could not be revealed", stack: CHROME })
  const firefox = fingerprint("browser", { name: "Error", message: "Seat 17 could not be revealed", stack: FIREFOX })
  const safari = fingerprint("browser", { name: "Error", message: "Seat 23 could not be revealed", stack: SAFARI })
  expect(chrome.topFrame).toBe("revealSeat (_next/static/chunks/app/account/page-<chunk>.js)")
  expect(firefox.fingerprint).toBe(chrome.fingerprint)
  expect(safari.fingerprint).toBe(chrome.fingerprint)
  // Turbopack's opaque chunk names change with every build too.
  const build1 = fingerprint("browser", {
    name: "Error",
    message: "x",
    stack: "Error: x\n    at revealSeat (https://a.example/_next/static/chunks/1iemdzl-x5iy0.js:1:99)",
  })
  const build2 = fingerprint("browser", {
    name: "Error",
    message: "x",
    stack: "revealSeat@https://a.example/_next/static/chunks/0q8zz3k-7ab2c.js:1:120",
  })
  expect(build2.fingerprint).toBe(build1.fingerprint)
})

test("an error with no stack groups by its message alone", () => {
  const a = fingerprint("browser", { name: "UnhandledRejection", message: "timeout after 3000ms" })
  const b = fingerprint("browser", { name: "UnhandledRejection", message: "timeout after 5000ms", stack: null })
  expect(a.topFrame).toBeNull()
  expect(a.fingerprint).toBe(b.fingerprint)
  expect(a.fingerprint).toMatch(/^[0-9a-f]{40}$/)
})
