import { expect, test } from "vitest"
import { messageText, toPlainText } from "./plain-text"

const html = '<h1>Your seat</h1><p>Hi Ada,</p><p><a href="https://app.example/account">Open your account</a></p>'

test("derives the plain text from the HTML by React Email's rules: headings in capitals, a link followed by its address", () => {
  expect(toPlainText(html)).toBe("YOUR SEAT\n\nHi Ada,\n\nOpen your account https://app.example/account")
})

test("a message's own text wins; without one it is derived from its HTML", () => {
  expect(messageText({ html, text: "Stored by hand" })).toBe("Stored by hand")
  expect(messageText({ html, text: "" })).toBe("")
  expect(messageText({ html, text: null })).toBe(
    "YOUR SEAT\n\nHi Ada,\n\nOpen your account https://app.example/account",
  )
})
