import { expect, test } from "vitest"
import { linkify } from "./linkify"

test("linkify finds links among text", () => {
  expect(linkify("Sign in: https://app.test/api/auth/callback/email?token=ab&email=a%40b.test\nThanks")).toEqual([
    { kind: "text", value: "Sign in: " },
    { kind: "link", value: "https://app.test/api/auth/callback/email?token=ab&email=a%40b.test" },
    { kind: "text", value: "\nThanks" },
  ])
})

test("linkify leaves trailing punctuation and brackets outside the link", () => {
  expect(linkify("Open (http://localhost:3000/account).")).toEqual([
    { kind: "text", value: "Open (" },
    { kind: "link", value: "http://localhost:3000/account" },
    { kind: "text", value: ")." },
  ])
  expect(linkify("[https://a.test/x]")).toEqual([
    { kind: "text", value: "[" },
    { kind: "link", value: "https://a.test/x" },
    { kind: "text", value: "]" },
  ])
})

test("linkify ignores other schemes and bare prefixes", () => {
  expect(linkify("javascript:alert(1) and https:// alone")).toEqual([
    { kind: "text", value: "javascript:alert(1) and https:// alone" },
  ])
  expect(linkify("")).toEqual([])
})
