// Pure: the card test mode shows on file. There is no card anywhere (no table, no processor): it is
// derived from the subscriber's id and how many times they have replaced it, so it reads the same on
// every render and changes when they "update" it. The numbers are the processors' public test cards.

export type TestCard = { brand: string; last4: string; expMonth: number; expYear: number }

const TEST_CARDS = [
  { brand: "Visa", last4: "4242" },
  { brand: "Mastercard", last4: "4444" },
  { brand: "American Express", last4: "8431" },
  { brand: "Discover", last4: "1117" },
  { brand: "Visa", last4: "5556" },
  { brand: "Mastercard", last4: "8210" },
] as const

const FIRST_EXPIRY_YEAR = 2030

/** The card on file for `userId` after `replacements` card updates. */
export function testCard(userId: string, replacements: number): TestCard {
  const seed = codeUnitSum(userId) + replacements
  const { brand, last4 } = TEST_CARDS[seed % TEST_CARDS.length]!
  return { brand, last4, expMonth: (seed % 12) + 1, expYear: FIRST_EXPIRY_YEAR + (seed % 5) }
}

/** "Visa •••• 4242" */
export function describeTestCard(card: Pick<TestCard, "brand" | "last4">): string {
  return `${card.brand} •••• ${card.last4}`
}

/** "08/2031" */
export function testCardExpiry(card: Pick<TestCard, "expMonth" | "expYear">): string {
  return `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`
}

function codeUnitSum(text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i)
  return sum
}
