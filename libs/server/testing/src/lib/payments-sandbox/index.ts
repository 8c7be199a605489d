export { startPaymentsSandbox, type PaymentsSandbox, type PaymentsSandboxOptions } from './payments-sandbox';
export type { SandboxSession } from './sandbox-ledger';
export { stripeSignature, type WebhookDelivery } from './webhook-sender';
export { SANDBOX_DECLINED_CARD, SANDBOX_PAYING_CARD } from './test-cards';
