// The words of the seeded feedback: comments by NPS category, messages by rating, and the
// feature-request catalogue with each request's fate. Plain data.

export const NPS_COMMENTS = {
  promoter: [
    "The seat was ready within a couple of hours. Impressive.",
    "Saves me a lot of time every day, and support answers fast.",
    "Cheaper than buying seats one by one, and it just works.",
    "Setup was painless and the credentials page is clear.",
    "Recommended it to my whole team already.",
    "Great value for money.",
  ],
  passive: [
    "Good service, but I would like an annual invoice with VAT details.",
    "Works well. The portal could show usage statistics.",
    "Fine overall; delivery took most of a day once.",
    "Solid, though the price went up for my team plan.",
  ],
  detractor: [
    "My renewal seat took almost the full 24 hours to arrive.",
    "Too expensive for what I use it for.",
    "I had trouble signing in to the seat after a password change.",
    "Support took two days to answer my ticket.",
    "Missing the integrations I need for work.",
  ],
} as const

export const FEEDBACK_MESSAGES: Record<1 | 2 | 3 | 4 | 5 | 0, readonly string[]> = {
  1: ["I was charged twice this month, please check.", "The seat stopped working and nobody answered for a day."],
  2: ["Delivery is slower than promised on weekends.", "The billing page is confusing: where do I download invoices?"],
  3: [
    "It does the job. Would like more plans for small teams.",
    "Okay experience, the sign-in link sometimes lands in spam.",
  ],
  4: ["Quick delivery and a clear portal. Thanks!", "Happy with the service; a dark mode would be nice."],
  5: [
    "Fantastic, the seat was ready in an hour.",
    "Best purchase for my workflow this year.",
    "Support solved my problem in minutes.",
  ],
  0: [
    "Can I change the email address on my account?",
    "Is there a discount for non-profits?",
    "Please add an export of my receipts.",
  ],
}

export const FEEDBACK_PAGES = ["/account", "/account/orders", "/account/billing", "/account/profile", null] as const

type RequestStatus = "OPEN" | "PLANNED" | "IN_PROGRESS" | "SHIPPED" | "DECLINED"

/** Each request's fate and how likely a live customer is to vote for it. Ordered oldest first. */
export const FEATURE_REQUESTS: readonly { title: string; body: string; status: RequestStatus; popularity: number }[] = [
  {
    title: "Invoices with VAT details",
    body: "Our accounting needs the VAT number on every invoice.",
    status: "SHIPPED",
    popularity: 0.18,
  },
  {
    title: "Dark mode for the account portal",
    body: "Easier on the eyes in the evening.",
    status: "SHIPPED",
    popularity: 0.22,
  },
  {
    title: "Team seats managed by one admin",
    body: "One person buys and assigns seats for the whole team.",
    status: "IN_PROGRESS",
    popularity: 0.26,
  },
  { title: "Pay with PayPal", body: "", status: "DECLINED", popularity: 0.05 },
  {
    title: "Usage statistics per seat",
    body: "How much is each seat used? Helps us decide on renewals.",
    status: "PLANNED",
    popularity: 0.15,
  },
  {
    title: "Slack notification when a seat is ready",
    body: "An email is easy to miss.",
    status: "PLANNED",
    popularity: 0.09,
  },
  {
    title: "Pause a subscription during holidays",
    body: "Stop billing for a month without losing the seat.",
    status: "OPEN",
    popularity: 0.12,
  },
  { title: "Export receipts as one PDF", body: "For the yearly tax return.", status: "IN_PROGRESS", popularity: 0.08 },
  {
    title: "Single sign-on (SAML) for teams",
    body: "Our IT department requires SSO for every tool.",
    status: "OPEN",
    popularity: 0.07,
  },
  { title: "Discount for students", body: "", status: "DECLINED", popularity: 0.04 },
  { title: "Choose the seat's region", body: "Lower latency for our team in Asia.", status: "OPEN", popularity: 0.06 },
  {
    title: "API to provision seats",
    body: "We want to automate onboarding of new hires.",
    status: "OPEN",
    popularity: 0.05,
  },
  { title: "Gift a subscription", body: "Buy a year for a friend.", status: "OPEN", popularity: 0.03 },
  { title: "Two-factor sign-in for subscribers", body: "TOTP like the staff have.", status: "OPEN", popularity: 0.04 },
]
