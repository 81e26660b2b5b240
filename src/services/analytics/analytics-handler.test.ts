import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../test/support/call-handler.ts';
import { createAnalyticsHandler } from './analytics-handler.ts';

const event = { type: 'page_view', userId: 'user-1', at: '2026-01-31T12:00:00Z', properties: { page: '/' } };

describe('createAnalyticsHandler', () => {
  it('accepts a valid batch', async () => {
    const res = await callHandler(createAnalyticsHandler(), 'POST', '/v1/events', {
      json: { events: [event, { ...event, at: '2026-01-31T12:00:01.250+02:00', properties: undefined }] },
    });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ accepted: 2 });
  });

  it('rejects the batch naming the first invalid event field', async () => {
    const handler = createAnalyticsHandler();
    const badAt = await callHandler(handler, 'POST', '/v1/events', {
      json: { events: [event, event, { ...event, at: 'yesterday' }] },
    });
    expect(badAt.status).toBe(400);
    expect(badAt.json.error.message).toMatch(/^events\[2\]\.at: expected an ISO-8601 date-time/);
    const badType = await callHandler(handler, 'POST', '/v1/events', {
      json: { events: [{ ...event, type: 3 }] },
    });
    expect(badType.json.error.message).toMatch(/^events\[0\]\.type:/);
    const badProps = await callHandler(handler, 'POST', '/v1/events', {
      json: { events: [{ ...event, properties: [1] }] },
    });
    expect(badProps.json.error.message).toMatch(/^events\[0\]\.properties: expected an object/);
  });

  it('bounds the batch size', async () => {
    const handler = createAnalyticsHandler();
    const empty = await callHandler(handler, 'POST', '/v1/events', { json: { events: [] } });
    expect(empty.json.error.message).toMatch(
      /^events: expected an array of 1 to 1000 events, got "0 events"/,
    );
    const tooMany = await callHandler(handler, 'POST', '/v1/events', {
      json: { events: Array.from({ length: 1001 }, () => event) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('is unavailable in its provider state', async () => {
    const handler = createAnalyticsHandler({ states: true });
    await callHandler(handler, 'POST', '/_faultline/state', { json: { state: 'analytics is unavailable' } });
    const res = await callHandler(handler, 'POST', '/v1/events', { json: { events: [event] } });
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    await callHandler(handler, 'POST', '/_faultline/state', { json: { state: 'analytics accepts events' } });
    expect((await callHandler(handler, 'POST', '/v1/events', { json: { events: [event] } })).status).toBe(
      202,
    );
  });
});
