import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../test/support/call-handler.ts';
import { createInferenceHandler } from './inference-handler.ts';

describe('createInferenceHandler', () => {
  it('answers health', async () => {
    const res = await callHandler(createInferenceHandler(), 'GET', '/health');
    expect(res).toMatchObject({ status: 200, json: { status: 'ok', service: 'inference' } });
  });

  it('predicts deterministically from the inputs', async () => {
    const handler = createInferenceHandler();
    const body = { model: 'risk-v1', inputs: { amount: 9000, country: 'FR', accountAgeDays: 3 } };
    const first = await callHandler(handler, 'POST', '/v1/predict', { json: body });
    const second = await callHandler(createInferenceHandler(), 'POST', '/v1/predict', { json: body });
    expect(first.status).toBe(200);
    expect(first.json).toEqual(second.json);
    expect(first.json.prediction).toBe('high');
    expect(first.json.confidence).toBeGreaterThanOrEqual(0);
    expect(first.json.confidence).toBeLessThanOrEqual(1);
    const low = await callHandler(handler, 'POST', '/v1/predict', {
      json: { model: 'risk-v1', inputs: { amount: 10 } },
    });
    expect(low.json.prediction).toBe('low');
  });

  it('scores sentiment from the words of the text', async () => {
    const handler = createInferenceHandler();
    const pos = await callHandler(handler, 'POST', '/v1/predict', {
      json: { model: 'sentiment-v2', inputs: { text: 'Great, fast and reliable' } },
    });
    const neg = await callHandler(handler, 'POST', '/v1/predict', {
      json: { model: 'sentiment-v2', inputs: { text: 'slow and broken' } },
    });
    expect(pos.json).toMatchObject({ model: 'sentiment-v2', prediction: 'positive' });
    expect(neg.json.prediction).toBe('negative');
  });

  it('names the invalid field', async () => {
    const handler = createInferenceHandler();
    const noModel = await callHandler(handler, 'POST', '/v1/predict', { json: { inputs: {} } });
    expect(noModel.status).toBe(400);
    expect(noModel.json.error).toMatchObject({ code: 'invalid_request' });
    expect(noModel.json.error.message).toMatch(/^model: expected a non-empty string/);
    const badAmount = await callHandler(handler, 'POST', '/v1/predict', {
      json: { model: 'risk-v1', inputs: { amount: 'lots' } },
    });
    expect(badAmount.json.error.message).toMatch(/^inputs\.amount: expected a number >= 0, got "lots"/);
    const notJson = await callHandler(handler, 'POST', '/v1/predict', { body: '{oops' });
    expect(notJson.json.error.message).toMatch(/^body: expected valid JSON/);
  });

  it('answers 404 for unknown models and routes, 405 for a wrong method', async () => {
    const handler = createInferenceHandler();
    const model = await callHandler(handler, 'GET', '/v1/models/nope');
    expect(model.status).toBe(404);
    expect(model.json.error.code).toBe('model_not_found');
    expect((await callHandler(handler, 'GET', '/v2/unknown')).status).toBe(404);
    const wrong = await callHandler(handler, 'GET', '/v1/predict');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });

  it('describes a model', async () => {
    const res = await callHandler(createInferenceHandler(), 'GET', '/v1/models/risk-v1');
    expect(res.json).toMatchObject({ id: 'risk-v1', outputs: ['low', 'medium', 'high'] });
  });

  it('supports its provider states only when enabled', async () => {
    const plain = await callHandler(createInferenceHandler(), 'POST', '/_faultline/state', {
      json: { state: 'inference is overloaded', action: 'setup' },
    });
    expect(plain.status).toBe(404);

    const handler = createInferenceHandler({ states: true });
    const setup = async (state: string, params: object = {}) =>
      callHandler(handler, 'POST', '/_faultline/state', { json: { state, params, action: 'setup' } });

    expect((await setup('model {model} exists', { model: 'fraud-v9' })).status).toBe(200);
    expect((await callHandler(handler, 'GET', '/v1/models/fraud-v9')).status).toBe(200);
    expect((await setup('model risk-v1 does not exist')).status).toBe(200);
    expect((await callHandler(handler, 'GET', '/v1/models/risk-v1')).status).toBe(404);

    await setup('inference is overloaded', { retryAfterSeconds: 7 });
    const shed = await callHandler(handler, 'POST', '/v1/predict', {
      json: { model: 'sentiment-v2', inputs: {} },
    });
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBe('7');

    await callHandler(handler, 'POST', '/_faultline/state', {
      json: { state: 'inference is overloaded', action: 'teardown' },
    });
    expect((await callHandler(handler, 'GET', '/v1/models/risk-v1')).status).toBe(200);

    const unknown = await setup('the moon is full');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('"the moon is full"');
    const missing = await setup('model {model} exists');
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toMatch(/^params\.model:/);
  });
});
