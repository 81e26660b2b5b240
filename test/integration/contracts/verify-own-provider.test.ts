import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultlineConfig } from '../../../src/config/faultline-config-schema.ts';
import { verifyPacts } from '../../../src/contracts/verify-pacts.ts';
import { freePort } from '../../../src/scenario/faults/tcp/free-port.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import addToken from './payments/add-token-filter.ts';
import { startPaymentsProvider } from './payments/payments-provider.ts';
import { type PaymentsPacts, writePaymentsPacts } from './payments/write-payments-pacts.ts';

/**
 * `verifyPacts` against a provider of the user's own (a tiny `payments` service with its
 * own state endpoint), with pacts written by the installed pact-js as V2, V3 and V4.
 */
const PACT_JS_17 = resolve(import.meta.dirname, '../../fixtures/pacts/pact-js-17');
const noServices: FaultlineConfig = { consumer: 'checkout', services: {} };
const AUTH = { Authorization: 'Bearer s3cret' };

describe('verifyPacts against a provider of your own', () => {
  const closeLater = closeAfterEach();
  let dir: string;
  let pacts: PaymentsPacts;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-payments-pacts-'));
    pacts = await writePaymentsPacts(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['pact-js 16 (installed, written now)', () => [pacts.v2, pacts.v3, pacts.v4]],
    [
      'pact-js 17.1.4 (committed)',
      () => ['v2', 'v3', 'v4'].map((v) => `${PACT_JS_17}/checkout-${v}-payments.json`),
    ],
  ])(
    'verifies V2, V3 and V4 pacts by %s through the provider state URL, with the values its setup returns',
    async (_by, files) => {
      const provider = closeLater(await startPaymentsProvider({ token: 's3cret' }));
      const result = await verifyPacts({
        config: noServices,
        cwd: dir,
        pacts: files(),
        baseUrl: provider.url,
        stateUrl: provider.stateUrl,
        headers: AUTH,
      });
      expect(result.problems).toEqual([]);
      expect(result.results.map((r) => [r.consumer, r.verdict])).toEqual([
        ['checkout-v2', 'pass'],
        ['checkout-v3', 'pass'],
        ['checkout-v4', 'pass'],
        ['checkout-v4', 'pass'],
      ]);
      expect(result.ok).toBe(true);
      // Pact's body reached the provider's own endpoint, parameters included.
      expect(provider.stateCalls).toContainEqual({
        state: 'a payment exists',
        params: { amount: 25 },
        action: 'setup',
      });
      expect(provider.stateCalls).toContainEqual({
        state: 'payment pay-1 exists',
        params: {},
        action: 'teardown',
      });
      // fromProviderState: the ids the state setups created (pay-7, pay-8), not the pact's example pay-1.
      const paths = provider.requests.map((r) => r.path);
      expect(paths.filter((p) => p !== '/payments/pay-1' && p !== '/payments/pay-9').sort()).toEqual([
        '/payments/pay-7',
        '/payments/pay-8',
      ]);
      // The header replaced the consumer's example token on every request.
      expect(new Set(provider.requests.map((r) => r.headers.authorization))).toEqual(
        new Set(['Bearer s3cret']),
      );
    },
  );

  it('takes the state URL and base URL from the registry entry', async () => {
    const provider = closeLater(await startPaymentsProvider({ token: 's3cret' }));
    const result = await verifyPacts({
      config: {
        consumer: 'checkout',
        services: {
          payments: {
            provider: 'payments',
            pact: pacts.v3,
            baseUrl: provider.url,
            stateUrl: provider.stateUrl,
          },
        },
      },
      cwd: dir,
      pacts: [pacts.v3],
      headers: AUTH,
    });
    expect(result.results.map((r) => r.verdict)).toEqual(['pass']);
    expect(provider.stateCalls.map((c) => c.action)).toEqual(['setup', 'teardown']);
  });

  it('fails without the provider header, and passes with a request filter that adds it', async () => {
    const provider = closeLater(await startPaymentsProvider({ token: 's3cret' }));
    const options = {
      config: noServices,
      cwd: dir,
      pacts: [pacts.v4],
      baseUrl: provider.url,
      stateUrl: provider.stateUrl,
    };
    const without = await verifyPacts(options);
    expect(without.results.map((r) => r.verdict)).toEqual(['fail', 'fail']);
    expect(without.results[0]?.message).toContain('status: expected 200, got 401');

    const filtered = await verifyPacts({ ...options, requestFilter: addToken });
    expect(filtered.results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
  });

  it('reports a failing state setup and teardown on their interactions, labelled, with the parameters filled in', async () => {
    const provider = closeLater(await startPaymentsProvider());
    const result = await verifyPacts({
      config: noServices,
      cwd: dir,
      pacts: [pacts.states],
      baseUrl: provider.url,
      stateUrl: provider.stateUrl,
    });
    expect(result.ok).toBe(false);
    expect(result.results).toEqual([
      {
        provider: 'payments',
        consumer: 'checkout-states',
        interaction: 'a health check while the ledger is read-only (given the ledger is {mode})',
        verdict: 'fail',
        message: `setup of provider state "the ledger is read-only" failed: ${provider.stateUrl} answered 500: ledger unavailable`,
      },
      {
        provider: 'payments',
        consumer: 'checkout-states',
        interaction: 'a health check with a receipt printer (given a receipt printer is attached)',
        verdict: 'fail',
        message: `teardown of provider state "a receipt printer is attached" failed: ${provider.stateUrl} answered 500: printer jammed`,
      },
    ]);
  });

  it.each([
    ['pact-js 16', () => pacts.messages],
    ['pact-js 17.1.4', () => `${PACT_JS_17}/checkout-events-payments.json`],
  ])('refuses a message pact by %s with a clear "not supported yet" error', async (_by, file) => {
    await expect(
      verifyPacts({ config: noServices, cwd: dir, pacts: [file()], baseUrl: 'http://127.0.0.1:9' }),
    ).rejects.toMatchObject({
      code: 'FAULTLINE_CONTRACTS_UNSUPPORTED',
      message: expect.stringMatching(
        /checkout-events-payments\.json: message pacts are not supported yet .*"a payment-settled event"/,
      ),
    });
  });

  it('reports an unreachable provider as a problem without running the verifier', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await verifyPacts({ config: noServices, cwd: dir, pacts: [pacts.v4], baseUrl: url });
    expect(result.ok).toBe(false);
    expect(result.results).toEqual([]);
    expect(result.problems).toEqual([
      expect.stringMatching(new RegExp(`^provider payments at ${url} is not reachable \\(ECONNREFUSED\\)`)),
    ]);
  });
});
