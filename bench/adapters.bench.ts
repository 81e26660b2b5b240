import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createAnalyticsAdapter } from '../src/services/analytics/analytics-adapter.ts';
import type { Benchmark } from './bench-types.ts';

const EVENTS = 200_000;
const MAX_BUFFER = 10_000;

/**
 * `analytics.track()` must never block the caller, even while the analytics service is down:
 * tracks 200,000 events against a loopback server answering 503, with a flush started every
 * 1,000 events (so flushes fail, batches return to the buffer and the buffer overflows).
 * Reports the cost per `track` call and how many events were dropped (and counted).
 */
const benchmark: Benchmark = {
  name: 'adapters',
  async run() {
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable"}}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const analytics = createAnalyticsAdapter({
      client: { service: 'analytics', baseUrl: `http://127.0.0.1:${port}`, retry: false, breaker: false },
      maxBuffer: MAX_BUFFER,
    });
    try {
      const flushes: Array<Promise<unknown>> = [];
      let worstUs = 0;
      let trackMs = 0;
      for (let i = 0; i < EVENTS; i++) {
        const t0 = performance.now();
        analytics.track({ type: 'page_view', userId: `user-${i % 100}`, at: '2026-01-01T00:00:00.000Z' });
        const ms = performance.now() - t0;
        trackMs += ms;
        if (ms * 1000 > worstUs) worstUs = ms * 1000;
        if (i % 1000 === 999) {
          flushes.push(analytics.flush());
          // Let I/O run, so flushes really fail and their batches come back while tracking goes on.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await Promise.all(flushes);
      const stats = analytics.stats();
      return {
        rows: [
          {
            label: 'analytics.track (service 503)',
            events: EVENTS,
            'ns/track (incl. timing)': Math.round((trackMs * 1e6) / EVENTS),
            'worst track µs': Math.round(worstUs),
            buffered: stats.buffered,
            dropped: stats.dropped,
            failedFlushes: stats.failedFlushes,
          },
        ],
        targets: [
          {
            name: 'every event is buffered, sent or counted as dropped',
            ok: stats.buffered + stats.sent + stats.dropped === EVENTS,
            detail: `${stats.buffered} + ${stats.sent} + ${stats.dropped} of ${EVENTS}`,
          },
          {
            name: `buffer bounded by maxBuffer ${MAX_BUFFER}`,
            ok: stats.buffered <= MAX_BUFFER,
            detail: `${stats.buffered} buffered`,
          },
        ],
        notes: ['"worst track µs" includes GC pauses; it is a figure, not a target.'],
      };
    } finally {
      await analytics.close();
      server.close();
      await once(server, 'close');
    }
  },
};

export default benchmark;
