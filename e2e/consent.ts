// A browser that has already said "no" to analytics cookies: the consent banner stays away.
export function consentDeclined(origin: string) {
  return { cookies: [], origins: [{ origin, localStorage: [{ name: "acv_consent", value: "denied" }] }] }
}
