import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifyAdapter } from '../../../src/services/notify/notify-adapter.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type FailingServer, startFailingServer } from './failing-server.ts';
import { testClientOptions } from './test-client-options.ts';

let services: RunningServices;
let server: FailingServer;

beforeAll(async () => {
  services = await startServices({ only: ['notify'] });
  server = await startFailingServer({ kind: 'json', status: 503, body: {} });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

const hello = { userId: 'user-1', channel: 'email', message: 'Hello' } as const;

describe('notify adapter', () => {
  it('sends to the reference service and reads the delivery back', async () => {
    const notify = createNotifyAdapter({ client: testClientOptions('notify', services.urls.notify) });
    const sent = await notify.send(hello);
    expect(sent.status).toBe('sent');
    const record = sent.status === 'sent' ? await notify.getNotification(sent.id) : null;
    const missing = await notify.getNotification('no-such-id');
    await notify.close();
    expect(record).toMatchObject({ userId: 'user-1', channel: 'email', deliveries: 1 });
    expect(missing).toBeNull();
  });

  it('redelivers a send whose answer was lost with the SAME key: delivered once', async () => {
    // The first request reaches the real notify service but its answer is lost (socket
    // reset after the service handled it); every later request is relayed normally.
    let lose = true;
    server.set(() => {
      if (!lose) return { kind: 'forward', to: services.urls.notify };
      lose = false;
      return { kind: 'forward-then-reset', to: services.urls.notify };
    });
    const before = server.requests.length;
    const notify = createNotifyAdapter({ client: testClientOptions('notify', server.url) });

    const first = await notify.send({ ...hello, message: 'lost answer' });
    const key = notify.outbox()[0]?.idempotencyKey;
    const redelivery = await notify.redeliver();
    const id = redelivery.deliveredIds[0] ?? 'missing';
    const record = await notify.getNotification(id);
    await notify.close();

    expect(first).toEqual({ status: 'queued', outboxSize: 1 });
    expect(redelivery).toMatchObject({ delivered: 1, dropped: 0, remaining: 0 });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const posts = server.requests.slice(before).filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers['idempotency-key'])).toEqual([key, key]);
    expect(record).toMatchObject({ id, userId: 'user-1', deliveries: 1 });
    expect(notify.stats()).toMatchObject({ sent: 0, redelivered: 1, queued: 0 });
  });

  it('bounds the outbox and rejects beyond it', async () => {
    server.set({ kind: 'json', status: 503, body: {} });
    const notify = createNotifyAdapter({ client: testClientOptions('notify', server.url), maxOutbox: 2 });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await notify.send({ ...hello, message: `m${i}` }));
    await notify.close();
    expect(results).toEqual([
      { status: 'queued', outboxSize: 1 },
      { status: 'queued', outboxSize: 2 },
      { status: 'rejected', reason: 'outbox-full', errorCode: 'FAULTLINE_HTTP_STATUS' },
    ]);
    expect(notify.stats()).toMatchObject({ queued: 2, outboxFull: 1, sent: 0 });
  });

  it('keeps the outbox when redelivery meets an unavailable service, and stops early', async () => {
    server.set({ kind: 'reset' });
    const notify = createNotifyAdapter({ client: testClientOptions('notify', server.url) });
    await notify.send({ ...hello, message: 'a' });
    await notify.send({ ...hello, message: 'b' });
    const before = server.requests.length;
    const result = await notify.redeliver();
    await notify.close();
    expect(result).toEqual({ delivered: 0, deliveredIds: [], dropped: 0, remaining: 2 });
    expect(server.requests.length - before).toBe(1);
    expect(notify.stats().failedRedeliveries).toBe(1);
  });

  it('redelivers on its timer (injected clock) once the service is back', async () => {
    server.set({ kind: 'json', status: 503, body: {} });
    const clock = new ManualClock();
    const notify = createNotifyAdapter({
      client: testClientOptions('notify', server.url),
      clock,
      redeliverEveryMs: 5_000,
    });
    await notify.send({ ...hello, message: 'timer' });
    expect(clock.pendingTimers).toBe(1);
    server.set({ kind: 'forward', to: services.urls.notify });
    await clock.advance(4_999);
    expect(notify.stats().queued).toBe(1);
    await clock.advance(1);
    expect(clock.pendingTimers).toBe(0); // the timer fired and started its run
    // The timer started a real HTTP redelivery; join it through the single-flight redeliver().
    await notify.redeliver();
    expect(notify.stats().queued).toBe(0);
    await notify.close();
    expect(notify.stats().redelivered).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
