import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createAnalyticsAdapter } from '../../src/services/analytics/analytics-adapter.ts';
import { PACT_MOCK_RETRY } from '../support/pact-mock-flake.ts';

const { datetime, eachLike, integer, like, regex, string } = MatchersV3;

/**
 * How Faultline's analytics adapter uses the analytics service, driven through the real
 * adapter and client (retries off). Writes contracts/faultline-analytics-service.json.
 */
const pact = new PactV4({
  consumer: 'faultline',
  provider: 'analytics-service',
  dir: 'contracts',
  logLevel: 'warn',
});

const JSON_REQUEST = { 'Content-Type': regex('^application/json', 'application/json') };
const JSON_RESPONSE = { 'Content-Type': 'application/json; charset=utf-8' };
const AT = '2026-01-01T00:00:00.000Z';
const EVENT = { type: 'page_view', userId: 'user-1', at: AT, properties: { path: '/home' } };

const EVENTS_BODY = {
  events: eachLike({
    type: string('page_view'),
    userId: string('user-1'),
    at: datetime("yyyy-MM-dd'T'HH:mm:ss.SSSX", AT),
    properties: like({ path: '/home' }),
  }),
};

const adapterFor = (url: string) =>
  createAnalyticsAdapter({ client: { service: 'analytics', baseUrl: url, retry: false, breaker: false } });

describe('analytics-service contract', PACT_MOCK_RETRY, () => {
  it('sends a batch of events', async () => {
    await pact
      .addInteraction()
      .given('analytics accepts events')
      .uponReceiving('a batch of events')
      .withRequest('POST', '/v1/events', (b) => b.headers(JSON_REQUEST).jsonBody(EVENTS_BODY))
      .willRespondWith(202, (b) => b.headers(JSON_RESPONSE).jsonBody({ accepted: integer(1) }))
      .executeTest(async (mockServer) => {
        const analytics = adapterFor(mockServer.url);
        analytics.track(EVENT);
        const result = await analytics.flush();
        await analytics.close();
        expect(result).toEqual({ sent: 1, failed: false });
        expect(analytics.stats()).toEqual({ buffered: 0, sent: 1, dropped: 0, failedFlushes: 0 });
      });
  });

  it('keeps the batch while analytics is unavailable (503)', async () => {
    await pact
      .addInteraction()
      .given('analytics is unavailable', { retryAfterSeconds: 1 })
      .uponReceiving('a batch of events while analytics is unavailable')
      .withRequest('POST', '/v1/events', (b) => b.headers(JSON_REQUEST).jsonBody(EVENTS_BODY))
      .willRespondWith(503, (b) =>
        b
          .headers({ ...JSON_RESPONSE, 'Retry-After': regex('^[0-9]+$', '1') })
          .jsonBody({ error: { code: string('unavailable'), message: string('analytics is unavailable') } }),
      )
      .executeTest(async (mockServer) => {
        const analytics = adapterFor(mockServer.url);
        analytics.track(EVENT);
        const result = await analytics.flush();
        await analytics.close();
        expect(result).toEqual({ sent: 0, failed: true });
        expect(analytics.stats()).toEqual({ buffered: 1, sent: 0, dropped: 0, failedFlushes: 1 });
      });
  });
});
