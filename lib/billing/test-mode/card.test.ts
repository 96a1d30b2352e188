import { expect, test } from "vitest"
import { describeTestCard, testCard, testCardExpiry } from "./card"

test("the card is the same for the same subscriber, and reads like a card", () => {
  // "ab": 97 + 98 = 195. 195 mod 6 = 3 → Discover 1117; 195 mod 12 = 3 → month 4; 195 mod 5 = 0 → 2030.
  const card = testCard("ab", 0)
  expect(card).toEqual({ brand: "Discover", last4: "1117", expMonth: 4, expYear: 2030 })
  expect(testCard("ab", 0)).toEqual(card)
  expect(describeTestCard(card)).toBe("Discover •••• 1117")
  expect(testCardExpiry(card)).toBe("04/2030")
})

test("each card update moves to the next test card", () => {
  // "ab" after one update: 196. 196 mod 6 = 4 → Visa 5556; 196 mod 12 = 4 → month 5; 196 mod 5 = 1 → 2031.
  expect(testCard("ab", 1)).toEqual({ brand: "Visa", last4: "5556", expMonth: 5, expYear: 2031 })
  // 195 + 3 = 198. 198 mod 6 = 0 → Visa 4242; 198 mod 12 = 6 → month 7; 198 mod 5 = 3 → 2033.
  expect(testCard("ab", 3)).toEqual({ brand: "Visa", last4: "4242", expMonth: 7, expYear: 2033 })
  expect(testCardExpiry({ expMonth: 12, expYear: 2034 })).toBe("12/2034")
})
