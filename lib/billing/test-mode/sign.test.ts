import { webhooks } from "@polar-sh/sdk/2026-10"
import { expect, test } from "vitest"
import { TEST_MODE_WEBHOOK_SECRET } from "../webhook-secret"
import { signWebhook } from "./sign"

test("a known vector: HMAC-SHA256 of id.timestamp.body keyed with the secret as written", () => {
  // Computed independently: printf 'msg_1.1700000000.{}' | openssl dgst -sha256 -hmac 'polar_whs_ai-copilot-vibe-test-mode-secret' -binary | base64
  const headers = signWebhook(TEST_MODE_WEBHOOK_SECRET, { id: "msg_1", timestamp: 1_700_000_000, body: "{}" })
  expect(headers).toEqual({
    "webhook-id": "msg_1",
    "webhook-timestamp": "1700000000",
    "webhook-signature": "v1,QwsxPhtbpknRm5Krh862EAryM5w/b3/JiHtL5k1YMh4=",
  })
})

test("a whsec_ secret (as Standard Webhooks writes them) is accepted by the SDK too", async () => {
  const secret = `whsec_${Buffer.from("another endpoint's secret").toString("base64")}`
  const body = JSON.stringify({ type: "checkout.updated", timestamp: new Date().toISOString(), data: { id: "chk_3" } })
  await expect(
    webhooks.validateEvent(body, signWebhook(secret, { id: "msg_3", timestamp: Date.now() / 1000, body }), secret),
  ).resolves.toMatchObject({ type: "checkout.updated" })
})

test("the Polar SDK accepts what we sign, and refuses a changed body", async () => {
  const body = JSON.stringify({ type: "checkout.updated", timestamp: new Date().toISOString(), data: { id: "chk_1" } })
  const headers = signWebhook(TEST_MODE_WEBHOOK_SECRET, { id: "msg_2", timestamp: Date.now() / 1000, body })
  await expect(webhooks.validateEvent(body, headers, TEST_MODE_WEBHOOK_SECRET)).resolves.toMatchObject({
    type: "checkout.updated",
  })
  await expect(
    webhooks.validateEvent(body.replace("chk_1", "chk_2"), headers, TEST_MODE_WEBHOOK_SECRET),
  ).rejects.toBeInstanceOf(webhooks.PolarWebhookVerificationError)
})
