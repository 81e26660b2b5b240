import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { createInferenceAdapter } from '../../../src/services/inference/inference-adapter.ts';
import { ServiceRejectedError } from '../../../src/services/service-rejected-error.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type FailingServer, startFailingServer } from './failing-server.ts';
import { testClientOptions, timeOutHungCall } from './test-client-options.ts';

let services: RunningServices;
let server: FailingServer;

beforeAll(async () => {
  services = await startServices({ only: ['inference'] });
  server = await startFailingServer({ kind: 'json', status: 503, body: { error: { code: 'overloaded' } } });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

describe('inference adapter against the reference service', () => {
  const adapter = () =>
    createInferenceAdapter({ client: testClientOptions('inference', services.urls.inference) });

  it('returns the real prediction, not degraded', async () => {
    const inference = adapter();
    const result = await inference.predict('risk-v1', { amount: 9_000, accountAgeDays: 3, country: 'FR' });
    await inference.close();
    expect(result).toMatchObject({ prediction: 'high', degraded: false });
    expect(result.confidence).toBeGreaterThan(0);
    expect(Object.keys(result.features)).toContain('amount');
  });

  it('describes a known model and answers null for an unknown one', async () => {
    const inference = adapter();
    const model = await inference.getModel('risk-v1');
    const missing = await inference.getModel('no-such-model');
    await inference.close();
    expect(model).toMatchObject({ id: 'risk-v1', outputs: ['low', 'medium', 'high'] });
    expect(missing).toBeNull();
  });

  it('throws ServiceRejectedError for an unknown model instead of hiding the bug', async () => {
    const inference = adapter();
    const error = await inference.predict('no-such-model', {}).catch((e: unknown) => e);
    await inference.close();
    expect(error).toBeInstanceOf(ServiceRejectedError);
    expect((error as ServiceRejectedError).status).toBe(404);
    expect((error as ServiceRejectedError).serviceCode).toBe('model_not_found');
  });
});

describe('inference adapter against a failing server', () => {
  afterEach(() => server.set({ kind: 'json', status: 503, body: { error: { code: 'overloaded' } } }));

  const cases = [
    { name: '503', behaviour: { kind: 'json', status: 503, body: {} }, reason: 'FAULTLINE_HTTP_STATUS' },
    { name: 'a connection reset', behaviour: { kind: 'reset' }, reason: 'FAULTLINE_NETWORK' },
    {
      name: 'a garbage 200',
      behaviour: { kind: 'raw', status: 200, body: '<html>' },
      reason: 'FAULTLINE_MALFORMED_RESPONSE',
    },
    {
      name: 'a 200 with confidence out of range',
      behaviour: { kind: 'json', status: 200, body: { prediction: 'low', confidence: 7, features: {} } },
      reason: 'FAULTLINE_MALFORMED_RESPONSE',
    },
  ] as const;

  for (const { name, behaviour, reason } of cases) {
    it(`serves the configured default, degraded, on ${name}`, async () => {
      server.set(behaviour);
      const inference = createInferenceAdapter({
        client: testClientOptions('inference', server.url),
        defaultPrediction: 'medium',
      });
      const result = await inference.predict('risk-v1', { amount: 1 });
      await inference.close();
      expect(result).toEqual({ prediction: 'medium', confidence: 0, features: {}, degraded: true, reason });
    });
  }

  it('serves the configured default, degraded, on a hang (attempt timeout)', async () => {
    server.set({ kind: 'hang' });
    const clock = new ManualClock();
    const inference = createInferenceAdapter({
      client: testClientOptions('inference', server.url, { clock }),
      defaultPrediction: 'medium',
    });
    const result = await timeOutHungCall(server, clock, () => inference.predict('risk-v1', { amount: 1 }));
    await inference.close();
    expect(result).toEqual({
      prediction: 'medium',
      confidence: 0,
      features: {},
      degraded: true,
      reason: 'FAULTLINE_TIMEOUT',
    });
  });

  it('degrades with FAULTLINE_BREAKER_OPEN once the breaker opens, without calling the service', async () => {
    const client = createClient(
      testClientOptions('inference', server.url, {
        breaker: { failureThreshold: 2, resetTimeoutMs: 60_000 },
      }),
    );
    const inference = createInferenceAdapter({ client });
    const before = server.requests.length;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await inference.predict('risk-v1', { amount: 1 }));
    await inference.close();
    await client.close();
    expect(results.map((r) => r.degraded)).toEqual([true, true, true, true]);
    expect(results.slice(2).map((r) => (r.degraded ? r.reason : ''))).toEqual([
      'FAULTLINE_BREAKER_OPEN',
      'FAULTLINE_BREAKER_OPEN',
    ]);
    expect(server.requests.length - before).toBe(2);
  });

  it('sends only model and inputs', async () => {
    const inference = createInferenceAdapter({ client: testClientOptions('inference', server.url) });
    const before = server.requests.length;
    await inference.predict('risk-v1', { amount: 5 });
    await inference.close();
    const sent = server.requests[before];
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/v1/predict');
    expect(JSON.parse(sent?.body ?? '')).toEqual({ model: 'risk-v1', inputs: { amount: 5 } });
  });
});
