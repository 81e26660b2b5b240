import { MatchersV2, MatchersV3, PactV2, PactV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { retryPactMockFlake } from '../../../support/pact-mock-flake.ts';

const { fromProviderState, integer, like, string } = MatchersV3;

/**
 * Writes the `checkout -> payments` pacts the way a pact-js 16 consumer test does, one
 * per specification: V2 (`Pact` class), V3 (PactV3) and V4 (PactV4), each with one
 * interaction per feature `faultline verify` must support. Returns the file paths.
 */
export async function writePaymentsPacts(dir: string): Promise<PaymentsPacts> {
  // Each step again when the Pact mock server's known flake hits it (pact-mock-flake.ts).
  await retryPactMockFlake(() => writeV2(dir));
  await retryPactMockFlake(() => writeV3(dir));
  await retryPactMockFlake(() => writeV4(dir));
  await retryPactMockFlake(() => writeStates(dir));
  await retryPactMockFlake(() => writeMessages(dir));
  return {
    v2: `${dir}/checkout-v2-payments.json`,
    v3: `${dir}/checkout-v3-payments.json`,
    v4: `${dir}/checkout-v4-payments.json`,
    states: `${dir}/checkout-states-payments.json`,
    messages: `${dir}/checkout-events-payments.json`,
  };
}

export interface PaymentsPacts {
  v2: string;
  v3: string;
  v4: string;
  /** V4, two interactions that pass on their own around a failing setup and a failing teardown. */
  states: string;
  /** V4 with an asynchronous message interaction. */
  messages: string;
}

// Pact provider-state expressions, filled in by the verifier from the state's answer.
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact expression, not a JS template
const ID_PATH = '/payments/${id}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact expression, not a JS template
const ID = '${id}';
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const AUTH = { Authorization: 'Bearer consumer-example-token' };

/** V2: a plain state name, no parameters, no provider-state values. */
async function writeV2(dir: string): Promise<void> {
  const pact = new PactV2({ consumer: 'checkout-v2', provider: 'payments', dir, logLevel: 'error' });
  const { port } = await pact.setup();
  await pact.addInteraction({
    state: 'payment pay-1 exists',
    uponReceiving: 'a payment by id (v2)',
    withRequest: { method: 'GET', path: '/payments/pay-1', headers: AUTH },
    willRespondWith: {
      status: 200,
      headers: JSON_TYPE,
      body: { id: 'pay-1', amount: MatchersV2.like(10), currency: 'EUR' },
    },
  });
  await fetch(`http://127.0.0.1:${port}/payments/pay-1`, { headers: AUTH }).then((r) => r.text());
  await pact.verify();
  await pact.finalize();
}

/** V3: a state with parameters whose setup returns the id the request uses (fromProviderState). */
async function writeV3(dir: string): Promise<void> {
  const pact = new PactV3({
    consumer: 'checkout-v3',
    provider: 'payments',
    dir,
    logLevel: 'error',
    spec: SpecificationVersion.SPECIFICATION_VERSION_V3,
  });
  pact
    .given('a payment exists', { amount: 25 })
    .uponReceiving('a payment created by the state (v3)')
    .withRequest({
      method: 'GET',
      path: fromProviderState(ID_PATH, '/payments/pay-1'),
      headers: AUTH,
    })
    .willRespondWith({
      status: 200,
      headers: JSON_TYPE,
      body: { id: fromProviderState(ID, 'pay-1'), amount: integer(25), currency: string('EUR') },
    });
  await pact.executeTest(async (mock) => {
    await fetch(`${mock.url}/payments/pay-1`, { headers: AUTH }).then((r) => r.text());
  });
}

/** V4: fromProviderState, and a state with its parameter in the name. */
async function writeV4(dir: string): Promise<void> {
  const pact = new PactV4({ consumer: 'checkout-v4', provider: 'payments', dir, logLevel: 'error' });
  await pact
    .addInteraction()
    .given('a payment exists', { amount: 40 })
    .uponReceiving('a payment created by the state (v4)')
    .withRequest('GET', fromProviderState(ID_PATH, '/payments/pay-1'), (b) => b.headers(AUTH))
    .willRespondWith(200, (b) =>
      b
        .headers(JSON_TYPE)
        .jsonBody({ id: fromProviderState(ID, 'pay-1'), amount: integer(40), currency: like('EUR') }),
    )
    .executeTest(async (mock) => {
      await fetch(`${mock.url}/payments/pay-1`, { headers: AUTH }).then((r) => r.text());
    });
  await pact
    .addInteraction()
    .given('payment {id} exists', { id: 'pay-9' })
    .uponReceiving('a payment by id (v4)')
    .withRequest('GET', '/payments/pay-9', (b) => b.headers(AUTH))
    .willRespondWith(200, (b) =>
      b.headers(JSON_TYPE).jsonBody({ id: 'pay-9', amount: integer(10), currency: 'EUR' }),
    )
    .executeTest(async (mock) => {
      await fetch(`${mock.url}/payments/pay-9`, { headers: AUTH }).then((r) => r.text());
    });
}

/** V4: interactions that pass on their own, with a state whose setup or teardown fails. */
async function writeStates(dir: string): Promise<void> {
  const pact = new PactV4({ consumer: 'checkout-states', provider: 'payments', dir, logLevel: 'error' });
  await pact
    .addInteraction()
    .given('the ledger is {mode}', { mode: 'read-only' })
    .uponReceiving('a health check while the ledger is read-only')
    .withRequest('GET', '/health')
    .willRespondWith(200, (b) => b.jsonBody({ status: 'ok' }))
    .executeTest(async (mock) => {
      await fetch(`${mock.url}/health`).then((r) => r.text());
    });
  await pact
    .addInteraction()
    .given('a receipt printer is attached')
    .uponReceiving('a health check with a receipt printer')
    .withRequest('GET', '/health')
    .willRespondWith(200, (b) => b.jsonBody({ status: 'ok' }))
    .executeTest(async (mock) => {
      await fetch(`${mock.url}/health`).then((r) => r.text());
    });
}

/** V4 with a message interaction, which `faultline verify` does not verify yet. */
async function writeMessages(dir: string): Promise<void> {
  const pact = new PactV4({ consumer: 'checkout-events', provider: 'payments', dir, logLevel: 'error' });
  await pact
    .addAsynchronousInteraction()
    .expectsToReceive('a payment-settled event', (b) =>
      b.withJSONContent({ id: like('pay-1'), settled: true }),
    )
    .executeTest(async () => undefined);
}
