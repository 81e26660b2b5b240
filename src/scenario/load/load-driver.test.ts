import { describe, expect, it } from 'vitest';
import { createClient } from '../../client/create-client.ts';
import type { AttemptRecord, BreakerRecord, CallRecord } from '../../report/run-events.ts';
import { createServiceHandler } from '../../services/create-service-handler.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { InProcessDispatcher } from '../dispatch/in-process-dispatcher.ts';
import { runInVirtualTime } from '../virtual/run-in-virtual-time.ts';
import { LoadDriver, type LoadDriverOptions } from './load-driver.ts';

async function drive(load: Partial<LoadDriverOptions>, runMs: number) {
  const clock = new ManualClock();
  const client = createClient({
    service: 'search',
    baseUrl: 'http://search.virtual',
    clock,
    dispatcher: new InProcessDispatcher(createServiceHandler('search')),
  });
  const records: Array<CallRecord | AttemptRecord | BreakerRecord> = [];
  const driver = new LoadDriver({
    target: client,
    clock,
    scenario: 's',
    t0: 0,
    concurrency: 2,
    maxCalls: 10_000,
    request: { path: '/v1/search', query: { q: 'retry' } },
    deadlineMs: 1000,
    deadlineSlackMs: 0,
    phaseAt: (t) => (t < 500 ? 'first' : 'second'),
    record: (e) => records.push(e),
    ...load,
  });
  await runInVirtualTime(
    clock,
    (async () => {
      driver.start();
      await clock.sleep(runMs);
      await driver.stop();
    })(),
  );
  await client.close();
  return records;
}

describe('LoadDriver', () => {
  it('paces an open loop on the clock: one call per token, in the phase it started', async () => {
    const records = await drive({ ratePerSec: 10 }, 1000);
    const calls = records.filter((r): r is CallRecord => r.type === 'call');
    expect(calls.map((c) => c.t)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(calls.every((c) => c.outcome === 'ok' && c.attempts === 1)).toBe(true);
    expect(calls.filter((c) => c.phase === 'first')).toHaveLength(5);
    expect(records.filter((r) => r.type === 'attempt')).toHaveLength(10);
  });

  it('never starts more than maxCalls, even in a closed loop', async () => {
    const records = await drive({ maxCalls: 7 }, 1000);
    expect(records.filter((r) => r.type === 'call')).toHaveLength(7);
  });
});

describe('LoadDriver at a concurrency of a million', () => {
  it('lets the event loop turn (signals, I/O) after a bounded batch of calls, and stops', async () => {
    const clock = new ManualClock();
    let requests = 0;
    const driver = new LoadDriver({
      target: {
        async request() {
          requests++;
          return { status: 200 };
        },
        async close() {},
      },
      clock,
      scenario: 's',
      t0: 0,
      concurrency: 1_000_000,
      maxCalls: 10_000_000,
      request: { path: '/' },
      deadlineMs: 1000,
      deadlineSlackMs: 0,
      phaseAt: () => 'only',
      record: () => {},
    });

    driver.start();
    // A macrotask queued right after the start stands for a signal or an I/O callback.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const beforeTheTurn = requests;
    await driver.stop();

    // Before the fix every worker started synchronously: a million calls before any turn.
    expect(beforeTheTurn).toBeLessThanOrEqual(1000);
    expect(driver.calls).toBeLessThan(1_000_000);
  });
});
