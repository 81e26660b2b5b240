import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../test/support/call-handler.ts';
import { createNotifyHandler } from './notify-handler.ts';

const message = { userId: 'user-1', channel: 'email', message: 'Your order shipped' };

describe('createNotifyHandler', () => {
  it('queues a notification and reports its delivery', async () => {
    const handler = createNotifyHandler();
    const sent = await callHandler(handler, 'POST', '/v1/notifications', { json: message });
    expect(sent.status).toBe(202);
    expect(sent.json).toEqual({ id: 'ntf-000001', status: 'queued' });
    const read = await callHandler(handler, 'GET', `/v1/notifications/${sent.json.id}`);
    expect(read.json).toEqual({
      id: 'ntf-000001',
      userId: 'user-1',
      channel: 'email',
      status: 'delivered',
      deliveries: 1,
    });
  });

  it('replays the same key and body without delivering again', async () => {
    const handler = createNotifyHandler();
    const headers = { 'Idempotency-Key': 'k-1' };
    const first = await callHandler(handler, 'POST', '/v1/notifications', { json: message, headers });
    // Same fields in another order: the same body.
    const reordered = { message: message.message, channel: 'email', userId: 'user-1' };
    const again = await callHandler(handler, 'POST', '/v1/notifications', { json: reordered, headers });
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(first.json.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const read = await callHandler(handler, 'GET', `/v1/notifications/${first.json.id}`);
    expect(read.json.deliveries).toBe(1);
    // Without a key, a repeat is a second notification.
    const third = await callHandler(handler, 'POST', '/v1/notifications', { json: message });
    expect(third.json.id).not.toBe(first.json.id);
  });

  it('rejects a reused key with a different body', async () => {
    const handler = createNotifyHandler();
    const headers = { 'Idempotency-Key': 'k-2' };
    await callHandler(handler, 'POST', '/v1/notifications', { json: message, headers });
    const reused = await callHandler(handler, 'POST', '/v1/notifications', {
      json: { ...message, message: 'Something else' },
      headers,
    });
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe('idempotency_key_reused');
  });

  it('names invalid fields and unknown ids', async () => {
    const handler = createNotifyHandler();
    const bad = await callHandler(handler, 'POST', '/v1/notifications', {
      json: { ...message, channel: 'pigeon' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^channel: expected one of email, sms, push, got "pigeon"/);
    const missing = await callHandler(handler, 'GET', '/v1/notifications/ntf-999');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('notification_not_found');
  });

  it('supports its provider states', async () => {
    const handler = createNotifyHandler({ states: true });
    const state = (state: string, params: object = {}) =>
      callHandler(handler, 'POST', '/_faultline/state', { json: { state, params, action: 'setup' } });
    expect((await state('notification {id} was sent', { id: 'ntf-abc' })).status).toBe(200);
    expect((await callHandler(handler, 'GET', '/v1/notifications/ntf-abc')).json.deliveries).toBe(1);
    expect((await state('user u-2 does not accept sms')).status).toBe(200);
    const optedOut = await callHandler(handler, 'POST', '/v1/notifications', {
      json: { userId: 'u-2', channel: 'sms', message: 'hi' },
    });
    expect(optedOut.status).toBe(422);
    expect((await state('user {userId} accepts {channel}', { userId: 'u-2', channel: 'sms' })).status).toBe(
      200,
    );
    await state('notify is rate limited', { retryAfterSeconds: 2 });
    const limited = await callHandler(handler, 'POST', '/v1/notifications', { json: message });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
  });
});
