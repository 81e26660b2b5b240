import fc from 'fast-check';
import { describe, it } from 'vitest';
import { invariant } from '../../../src/check/invariant-violation.ts';
import { Bulkhead, resolveBulkheadOptions } from '../../../src/client/bulkhead/bulkhead.ts';
import { enterBulkhead } from '../../../src/client/bulkhead/enter-bulkhead.ts';
import type { BulkheadOptions } from '../../../src/client/client-types.ts';
import { AbortedError } from '../../../src/errors/aborted-error.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import {
  type BulkheadCommand,
  type BulkheadModel,
  type BulkheadSystem,
  createBulkheadModel,
  createBulkheadSystem,
  flush,
} from './bulkhead-model.ts';
import { Acquire } from './commands/acquire.ts';
import { CancelWaiter } from './commands/cancel-waiter.ts';
import { Release } from './commands/release.ts';
import { TimeAdvances } from './commands/time-advances.ts';

/*
 * Property tests of the bulkhead (src/client/bulkhead/). On failure fast-check's report
 * carries the shrunk counterexample (the commands print their resolved ids and times, the
 * scheduler prints the order it chose), the seed and the path: replay with
 * `fc.assert(..., { seed, path })`. FC_SEED=<n> pins the seed for a whole run.
 */
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

const optionsArbitrary: fc.Arbitrary<BulkheadOptions> = fc.record({
  maxConcurrent: fc.integer({ min: 1, max: 4 }),
  maxQueue: fc.integer({ min: 0, max: 4 }),
});

const commandsArbitrary = fc.commands<BulkheadModel, BulkheadSystem>(
  [
    fc.integer({ min: 1, max: 300 }).map((ms) => new Acquire(ms)),
    fc.nat(8).map((pick) => new Release(pick)),
    fc.nat(8).map((pick) => new CancelWaiter(pick)),
    fc
      .oneof(
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom('to-next-deadline' as const, 'just-before-next-deadline' as const),
      )
      .map((step) => new TimeAdvances(step)),
  ],
  { maxCommands: 60 },
);

describe('bulkhead: model-based', () => {
  it('acquire / release / cancel / time agree with a FIFO model; everything released leaves 0 in flight', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArbitrary, commandsArbitrary, async (o, commands) => {
        let model: BulkheadModel | undefined;
        let real: BulkheadSystem | undefined;
        const setup = () => {
          model = createBulkheadModel(resolveBulkheadOptions(o));
          real = createBulkheadSystem(o);
          return { model, real };
        };
        await fc.asyncModelRun(setup, commands as Iterable<BulkheadCommand>);
        // Drain: release every running call (waiters take over and are released in turn).
        const m = model!;
        const s = real!;
        let guard = 0;
        while (m.running.length > 0 && guard++ < 1_000) await new Release(0).run(m, s);
        invariant(
          s.bulkhead.active === 0 && s.bulkhead.queued === 0,
          `after draining: ${s.bulkhead.active} in flight, ${s.bulkhead.queued} queued`,
        );
        invariant(
          s.clock.pendingTimers === 0,
          `after draining: ${s.clock.pendingTimers} queue timers left armed`,
        );
      }),
      { numRuns: 300, seed },
    );
  });
});

interface Worker {
  /** Abort the call's signal at a moment the scheduler picks (while it may be queued). */
  abort: boolean;
}

describe('bulkhead: concurrent calls under fc.scheduler()', () => {
  it('never more than maxConcurrent in flight, FIFO hand-over, no slot leaks, whatever the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        optionsArbitrary,
        fc.array(fc.record({ abort: fc.boolean() }), { minLength: 1, maxLength: 10 }),
        async (sch, o, workers: Worker[]) => {
          const bulkhead = new Bulkhead(o);
          const clock = new ManualClock();
          const max = bulkhead.options.maxConcurrent;
          let inFlight = 0;
          let rejectedCounted = 0;
          const fates: string[] = workers.map(() => 'pending');
          /** Indices of calls that were queued, in queue order, still waiting. */
          const waiting: number[] = [];

          const run = async (w: Worker, i: number) => {
            await sch.schedule(Promise.resolve(), `#${i} arrives`);
            const controller = new AbortController();
            const call = {
              deadlineAt: Number.POSITIVE_INFINITY,
              signal: controller.signal,
              aborted: undefined as Error | undefined,
            };
            controller.signal.addEventListener('abort', () => {
              call.aborted = new AbortedError('prop');
            });
            const queuedBefore = bulkhead.queued;
            const entered = enterBulkhead(bulkhead, call, {
              service: 'prop',
              clock,
              onReject: () => {
                rejectedCounted++;
              },
            });
            const wasQueued = bulkhead.queued > queuedBefore;
            if (wasQueued) waiting.push(i);
            if (w.abort) void sch.schedule(Promise.resolve(), `#${i} aborts`).then(() => controller.abort());
            try {
              await entered;
            } catch (err) {
              const code = (err as { code?: string }).code;
              fates[i] = code ?? 'UNKNOWN';
              if (wasQueued) waiting.splice(waiting.indexOf(i), 1);
              invariant(
                code === (wasQueued ? 'FAULTLINE_ABORTED' : 'FAULTLINE_BULKHEAD_FULL'),
                `#${i} (${wasQueued ? 'queued' : 'not queued'}) failed with ${code}`,
              );
              return;
            }
            if (wasQueued) {
              invariant(waiting[0] === i, () => `#${i} got a slot before older waiter(s) [${waiting}]`);
              waiting.shift();
            }
            fates[i] = 'ran';
            inFlight++;
            invariant(inFlight <= max, `${inFlight} calls in flight, maxConcurrent=${max}`);
            await sch.schedule(Promise.resolve(), `#${i} finishes`);
            inFlight--;
            bulkhead.leave();
          };

          await sch.waitFor(Promise.all(workers.map(run)));
          await flush();
          invariant(
            bulkhead.active === 0 && bulkhead.queued === 0,
            `all done: ${bulkhead.active} in flight, ${bulkhead.queued} queued; fates ${fates}`,
          );
          const full = fates.filter((f) => f === 'FAULTLINE_BULKHEAD_FULL').length;
          invariant(rejectedCounted === full, `onReject called ${rejectedCounted} times, ${full} rejected`);
          invariant(!fates.includes('pending'), `a call never settled: ${fates}`);
        },
      ),
      { numRuns: 300, seed },
    );
  });
});
