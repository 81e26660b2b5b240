import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsAdapter } from '../../../src/services/analytics/analytics-adapter.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type FailingServer, startFailingServer } from './failing-server.ts';
import { testClientOptions, timeOutHungCall } from './test-client-options.ts';

let services: RunningServices;
let server: FailingServer;

beforeAll(async () => {
  services = await startServices({ only: ['analytics'] });
  server = await startFailingServer({ kind: 'json', status: 503, body: {} });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

const AT = '2026-01-01T00:00:00.000Z';
const event = (i: number) => ({ type: 'page_view', userId: `user-${i}`, at: AT, properties: { i } });

describe('analytics adapter', () => {
  it('flushes buffered events to the reference service', async () => {
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', services.urls.analytics),
    });
    for (let i = 0; i < 3; i++) analytics.track(event(i));
    const result = await analytics.flush();
    await analytics.close();
    expect(result).toEqual({ sent: 3, failed: false });
    expect(analytics.stats()).toEqual({ buffered: 0, sent: 3, dropped: 0, failedFlushes: 0 });
  });

  it('drops and counts events tracked while the buffer is full, without throwing', () => {
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', server.url),
      maxBuffer: 3,
    });
    for (let i = 0; i < 5; i++) analytics.track(event(i));
    analytics.track({ type: 'x', userId: 'u', at: new Date(Number.NaN) });
    expect(analytics.stats()).toEqual({ buffered: 3, sent: 0, dropped: 3, failedFlushes: 0 });
    return analytics.close();
  });

  it('counts an invalid Date as dropped instead of throwing', async () => {
    const analytics = createAnalyticsAdapter({ client: testClientOptions('analytics', server.url) });
    expect(() => analytics.track({ type: 'x', userId: 'u', at: new Date(Number.NaN) })).not.toThrow();
    await analytics.close();
    expect(analytics.stats().dropped).toBe(1);
  });

  for (const behaviour of [{ kind: 'json', status: 503, body: {} }, { kind: 'reset' }] as const) {
    it(`keeps the batch and never rejects when a flush meets ${behaviour.kind === 'json' ? '503' : behaviour.kind}`, async () => {
      server.set(behaviour);
      const analytics = createAnalyticsAdapter({ client: testClientOptions('analytics', server.url) });
      analytics.track(event(1));
      analytics.track(event(2));
      const result = await analytics.flush();
      await analytics.close();
      expect(result).toEqual({ sent: 0, failed: true });
      expect(analytics.stats()).toEqual({ buffered: 2, sent: 0, dropped: 0, failedFlushes: 1 });
    });
  }

  it('keeps the batch and never rejects when a flush meets hang', async () => {
    server.set({ kind: 'hang' });
    const clock = new ManualClock();
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', server.url, { clock }),
    });
    analytics.track(event(1));
    analytics.track(event(2));
    const result = await timeOutHungCall(server, clock, () => analytics.flush());
    await analytics.close();
    expect(result).toEqual({ sent: 0, failed: true });
    expect(analytics.stats()).toEqual({ buffered: 2, sent: 0, dropped: 0, failedFlushes: 1 });
  });

  it('sends batches of at most batchSize, exactly the wire fields', async () => {
    server.set({ kind: 'forward', to: services.urls.analytics });
    const before = server.requests.length;
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', server.url),
      batchSize: 2,
    });
    for (let i = 0; i < 5; i++) analytics.track(event(i));
    const result = await analytics.flush();
    await analytics.close();
    const batches = server.requests.slice(before).map((r) => JSON.parse(r.body).events as unknown[]);
    expect(result).toEqual({ sent: 5, failed: false });
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches[0]?.[0]).toEqual({ type: 'page_view', userId: 'user-0', at: AT, properties: { i: 0 } });
  });

  it('drops the oldest events when a failed batch returns to a buffer refilled meanwhile', async () => {
    server.set({ kind: 'json', status: 503, body: {} });
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', server.url),
      maxBuffer: 3,
    });
    for (let i = 0; i < 3; i++) analytics.track(event(i));
    const flushing = analytics.flush();
    // While the batch of 3 is in flight, the buffer is empty and refills with 2 new events.
    analytics.track(event(10));
    analytics.track(event(11));
    const result = await flushing;
    await analytics.close();
    expect(result.failed).toBe(true);
    expect(analytics.stats()).toEqual({ buffered: 3, sent: 0, dropped: 2, failedFlushes: 1 });
  });

  it('drops and counts a batch the service refuses (400), and goes on', async () => {
    server.set((req) =>
      req.body.includes('"bad"')
        ? { kind: 'json', status: 400, body: { error: { code: 'invalid_request' } } }
        : { kind: 'json', status: 202, body: { accepted: 1 } },
    );
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', server.url),
      batchSize: 1,
    });
    analytics.track({ type: 'bad', userId: 'u', at: AT });
    analytics.track(event(1));
    const result = await analytics.flush();
    await analytics.close();
    expect(result).toEqual({ sent: 1, failed: false });
    expect(analytics.stats()).toMatchObject({ buffered: 0, sent: 1, dropped: 1 });
  });

  it('flushes on its timer (injected clock)', async () => {
    server.set({ kind: 'forward', to: services.urls.analytics });
    const clock = new ManualClock();
    const analytics = createAnalyticsAdapter({
      client: testClientOptions('analytics', server.url),
      clock,
      flushEveryMs: 1_000,
    });
    analytics.track(event(1));
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(1_000);
    // The timer started a real HTTP flush; wait for it through the single-flight flush.
    const result = await analytics.flush();
    await analytics.close();
    expect(result.failed).toBe(false);
    expect(analytics.stats()).toMatchObject({ buffered: 0, sent: 1 });
  });
});
