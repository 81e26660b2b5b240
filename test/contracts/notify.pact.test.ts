import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createNotifyAdapter } from '../../src/services/notify/notify-adapter.ts';
import { PACT_MOCK_RETRY } from '../support/pact-mock-flake.ts';

const { integer, regex, string, uuid } = MatchersV3;

/**
 * How Faultline's notify adapter uses the notify service, driven through the real adapter and
 * client (retries off). The idempotency key is fixed here so the pact file is reproducible;
 * the contract only requires a UUID. Writes contracts/faultline-notify-service.json.
 */
const pact = new PactV4({
  consumer: 'faultline',
  provider: 'notify-service',
  dir: 'contracts',
  logLevel: 'warn',
});

const JSON_REQUEST = { 'Content-Type': regex('^application/json', 'application/json') };
const JSON_RESPONSE = { 'Content-Type': 'application/json; charset=utf-8' };
const KEY = '6f1c2b1e-6a52-4c2e-9d5e-3f1a2b3c4d5e';
const NOTIFICATION = { userId: 'user-1', channel: 'email', message: 'Your report is ready' } as const;

const adapterFor = (url: string) =>
  createNotifyAdapter({
    client: { service: 'notify', baseUrl: url, retry: false, breaker: false },
    idempotencyKey: () => KEY,
  });

describe('notify-service contract', PACT_MOCK_RETRY, () => {
  it('sends a notification with an idempotency key', async () => {
    await pact
      .addInteraction()
      .given('user {userId} accepts {channel}', { userId: 'user-1', channel: 'email' })
      .uponReceiving('a notification to a user who accepts the channel')
      .withRequest('POST', '/v1/notifications', (b) =>
        b.headers({ ...JSON_REQUEST, 'Idempotency-Key': uuid(KEY) }).jsonBody(NOTIFICATION),
      )
      .willRespondWith(202, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({ id: string('ntf-1'), status: 'queued' }),
      )
      .executeTest(async (mockServer) => {
        const notify = adapterFor(mockServer.url);
        const result = await notify.send(NOTIFICATION);
        await notify.close();
        expect(result).toEqual({ status: 'sent', id: 'ntf-1' });
      });
  });

  it('queues the notification in the outbox while notify is rate limited (429 with Retry-After)', async () => {
    await pact
      .addInteraction()
      .given('notify is rate limited', { retryAfterSeconds: 1 })
      .uponReceiving('a notification while notify is rate limited')
      .withRequest('POST', '/v1/notifications', (b) =>
        b.headers({ ...JSON_REQUEST, 'Idempotency-Key': uuid(KEY) }).jsonBody(NOTIFICATION),
      )
      .willRespondWith(429, (b) =>
        b
          .headers({ ...JSON_RESPONSE, 'Retry-After': regex('^[0-9]+$', '1') })
          .jsonBody({ error: { code: string('rate_limited'), message: string('too many requests') } }),
      )
      .executeTest(async (mockServer) => {
        const notify = adapterFor(mockServer.url);
        const result = await notify.send(NOTIFICATION);
        const queued = notify.outbox();
        await notify.close();
        expect(result).toEqual({ status: 'queued', outboxSize: 1 });
        expect(queued[0]?.idempotencyKey).toBe(KEY);
      });
  });

  it('reads back a sent notification', async () => {
    await pact
      .addInteraction()
      .given('notification {id} was sent', { id: 'ntf-1', userId: 'user-1', channel: 'email' })
      .uponReceiving('a request for a sent notification')
      .withRequest('GET', '/v1/notifications/ntf-1')
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          id: 'ntf-1',
          userId: string('user-1'),
          channel: regex('^(email|sms|push)$', 'email'),
          status: string('delivered'),
          deliveries: integer(1),
        }),
      )
      .executeTest(async (mockServer) => {
        const notify = adapterFor(mockServer.url);
        const record = await notify.getNotification('ntf-1');
        await notify.close();
        expect(record).toEqual({
          id: 'ntf-1',
          userId: 'user-1',
          channel: 'email',
          status: 'delivered',
          deliveries: 1,
        });
      });
  });

  it('answers null for a notification that was never sent', async () => {
    await pact
      .addInteraction()
      .uponReceiving('a request for a notification that was never sent')
      .withRequest('GET', '/v1/notifications/ntf-unknown')
      .willRespondWith(404, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          error: { code: 'notification_not_found', message: string('notification ntf-unknown not found') },
        }),
      )
      .executeTest(async (mockServer) => {
        const notify = adapterFor(mockServer.url);
        const record = await notify.getNotification('ntf-unknown');
        await notify.close();
        expect(record).toBeNull();
      });
  });
});
