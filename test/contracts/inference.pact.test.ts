import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createInferenceAdapter } from '../../src/services/inference/inference-adapter.ts';
import { ServiceRejectedError } from '../../src/services/service-rejected-error.ts';
import { PACT_MOCK_RETRY } from '../support/pact-mock-flake.ts';

const { like, eachLike, decimal, regex, string } = MatchersV3;

/**
 * How Faultline's inference adapter uses the inference service. Every interaction is driven
 * through the real adapter and the real resilient client (retries off, so each error case
 * happens exactly once). Writes contracts/faultline-inference-service.json.
 */
const pact = new PactV4({
  consumer: 'faultline',
  provider: 'inference-service',
  dir: 'contracts',
  logLevel: 'warn',
});

const JSON_REQUEST = { 'Content-Type': regex('^application/json', 'application/json') };
const JSON_RESPONSE = { 'Content-Type': 'application/json; charset=utf-8' };
const INPUTS = { amount: 9000, accountAgeDays: 3, country: 'FR' };

const adapterFor = (url: string) =>
  createInferenceAdapter({
    client: { service: 'inference', baseUrl: url, retry: false, breaker: false },
    defaultPrediction: 'unknown',
  });

describe('inference-service contract', PACT_MOCK_RETRY, () => {
  it('predicts with an existing model', async () => {
    await pact
      .addInteraction()
      .given('model {model} exists', { model: 'risk-v1' })
      .uponReceiving('a prediction request for an existing model')
      .withRequest('POST', '/v1/predict', (b) =>
        b.headers(JSON_REQUEST).jsonBody({ model: 'risk-v1', inputs: like(INPUTS) }),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          model: string('risk-v1'),
          prediction: regex('^(low|medium|high)$', 'high'),
          confidence: decimal(0.96),
          features: like({ amount: 9000, score: 0.95 }),
        }),
      )
      .executeTest(async (mockServer) => {
        const inference = adapterFor(mockServer.url);
        const result = await inference.predict('risk-v1', INPUTS);
        await inference.close();
        expect(result).toEqual({
          prediction: 'high',
          confidence: 0.96,
          features: { amount: 9000, score: 0.95 },
          degraded: false,
        });
      });
  });

  it('rejects a prediction for a model that does not exist', async () => {
    await pact
      .addInteraction()
      .given('model {model} does not exist', { model: 'retired-v0' })
      .uponReceiving('a prediction request for a model that does not exist')
      .withRequest('POST', '/v1/predict', (b) =>
        b.headers(JSON_REQUEST).jsonBody({ model: 'retired-v0', inputs: like(INPUTS) }),
      )
      .willRespondWith(404, (b) =>
        b
          .headers(JSON_RESPONSE)
          .jsonBody({ error: { code: 'model_not_found', message: string('model retired-v0 not found') } }),
      )
      .executeTest(async (mockServer) => {
        const inference = adapterFor(mockServer.url);
        const error = await inference.predict('retired-v0', INPUTS).catch((e: unknown) => e);
        await inference.close();
        expect(error).toBeInstanceOf(ServiceRejectedError);
        expect((error as ServiceRejectedError).serviceCode).toBe('model_not_found');
      });
  });

  it('serves a degraded default while inference is overloaded', async () => {
    await pact
      .addInteraction()
      .given('inference is overloaded', { retryAfterSeconds: 1 })
      .uponReceiving('a prediction request while inference is overloaded')
      .withRequest('POST', '/v1/predict', (b) =>
        b.headers(JSON_REQUEST).jsonBody({ model: 'risk-v1', inputs: like(INPUTS) }),
      )
      .willRespondWith(503, (b) =>
        b
          .headers({ ...JSON_RESPONSE, 'Retry-After': regex('^[0-9]+$', '1') })
          .jsonBody({ error: { code: string('overloaded'), message: string('inference is overloaded') } }),
      )
      .executeTest(async (mockServer) => {
        const inference = adapterFor(mockServer.url);
        const result = await inference.predict('risk-v1', INPUTS);
        await inference.close();
        expect(result).toEqual({
          prediction: 'unknown',
          confidence: 0,
          features: {},
          degraded: true,
          reason: 'FAULTLINE_HTTP_STATUS',
        });
      });
  });

  it('describes an existing model', async () => {
    await pact
      .addInteraction()
      .given('model {model} exists', { model: 'risk-v1' })
      .uponReceiving('a request for an existing model')
      .withRequest('GET', '/v1/models/risk-v1')
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          id: 'risk-v1',
          version: regex('^[0-9]+\\.[0-9]+\\.[0-9]+$', '1.0.0'),
          description: string('Transaction risk from amount, account age and country.'),
          inputs: eachLike('amount'),
          outputs: eachLike('low'),
        }),
      )
      .executeTest(async (mockServer) => {
        const inference = adapterFor(mockServer.url);
        const model = await inference.getModel('risk-v1');
        await inference.close();
        expect(model).toMatchObject({
          id: 'risk-v1',
          version: '1.0.0',
          inputs: ['amount'],
          outputs: ['low'],
        });
      });
  });

  it('answers null for a model that does not exist', async () => {
    await pact
      .addInteraction()
      .given('model {model} does not exist', { model: 'retired-v0' })
      .uponReceiving('a request for a model that does not exist')
      .withRequest('GET', '/v1/models/retired-v0')
      .willRespondWith(404, (b) =>
        b
          .headers(JSON_RESPONSE)
          .jsonBody({ error: { code: 'model_not_found', message: string('model retired-v0 not found') } }),
      )
      .executeTest(async (mockServer) => {
        const inference = adapterFor(mockServer.url);
        const model = await inference.getModel('retired-v0');
        await inference.close();
        expect(model).toBeNull();
      });
  });
});
