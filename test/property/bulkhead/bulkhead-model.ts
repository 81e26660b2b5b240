import type fc from 'fast-check';
import { invariant } from '../../../src/check/invariant-violation.ts';
import { Bulkhead } from '../../../src/client/bulkhead/bulkhead.ts';
import { enterBulkhead } from '../../../src/client/bulkhead/enter-bulkhead.ts';
import type { BulkheadOptions } from '../../../src/client/client-types.ts';
import { AbortedError } from '../../../src/errors/aborted-error.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';

/**
 * A deliberately simple model of the bulkhead: a counter of slots in use and a FIFO array
 * of waiting call ids. No promises, no timers, no abort listeners: those are what the real
 * side (`enterBulkhead` over a `Bulkhead` and a `ManualClock`) has to get right.
 */
export interface BulkheadModel {
  maxConcurrent: number;
  maxQueue: number;
  now: number;
  nextId: number;
  /** Ids of the calls holding a slot. */
  running: number[];
  /** Ids of the calls waiting, oldest first, with their deadline. */
  queue: Array<{ id: number; deadlineAt: number }>;
  /** Ids in the order they got a slot. */
  admitted: number[];
  /** Final fate of every call that did not get a slot. */
  failed: Map<number, 'full' | 'queue-timeout' | 'aborted'>;
  /** Rejections the client counts (full + queue timeout). */
  rejections: number;
}

/** What the real side saw of one call. */
export interface SystemCall {
  controller: AbortController;
  state: 'pending' | 'admitted' | 'released' | { code: string };
}

export interface BulkheadSystem {
  bulkhead: Bulkhead;
  clock: ManualClock;
  calls: Map<number, SystemCall>;
  /** Ids in the order their enterBulkhead promise resolved. */
  admitted: number[];
  /** Calls to onReject. */
  rejections: number;
  /** Highest `active` ever observed. */
  peakActive: number;
}

/** One step of a model-based run: applied to the model and the real bulkhead alike. */
export type BulkheadCommand = fc.AsyncCommand<BulkheadModel, BulkheadSystem>;

export function createBulkheadModel(o: Required<BulkheadOptions>): BulkheadModel {
  return {
    ...o,
    now: 0,
    nextId: 0,
    running: [],
    queue: [],
    admitted: [],
    failed: new Map(),
    rejections: 0,
  };
}

export function createBulkheadSystem(o: BulkheadOptions): BulkheadSystem {
  return {
    bulkhead: new Bulkhead(o),
    clock: new ManualClock(),
    calls: new Map(),
    admitted: [],
    rejections: 0,
    peakActive: 0,
  };
}

/** Starts `enterBulkhead` for call `id` and records how its promise settles. */
export function startCall(s: BulkheadSystem, id: number, deadlineAt: number): void {
  const controller = new AbortController();
  const call: SystemCall = { controller, state: 'pending' };
  s.calls.set(id, call);
  const call_ = { deadlineAt, signal: controller.signal, aborted: undefined as Error | undefined };
  // As the client does: its own abort listener (added first) records a typed AbortedError.
  controller.signal.addEventListener('abort', () => {
    call_.aborted = new AbortedError('prop', { cause: controller.signal.reason });
  });
  enterBulkhead(s.bulkhead, call_, {
    service: 'prop',
    clock: s.clock,
    onReject: () => {
      s.rejections++;
    },
  }).then(
    () => {
      call.state = 'admitted';
      s.admitted.push(id);
    },
    (err: Error & { code?: string }) => {
      call.state = { code: err.code ?? `UNKNOWN: ${err.message}` };
    },
  );
  s.peakActive = Math.max(s.peakActive, s.bulkhead.active);
}

/** Lets settled promises run their callbacks, without moving the manual clock. */
export async function flush(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}

const expectedCode = {
  full: 'FAULTLINE_BULKHEAD_FULL',
  'queue-timeout': 'FAULTLINE_BULKHEAD_FULL',
  aborted: 'FAULTLINE_ABORTED',
} as const;

/**
 * The invariants, checked after every command:
 * - never more than maxConcurrent in flight, never more than maxQueue waiting, and
 *   nobody waiting while a slot is free;
 * - in-flight and queue length agree with the model (so a cancelled or timed-out waiter
 *   neither got a slot nor leaked one);
 * - slots are handed out in the model's FIFO order;
 * - every rejected call failed with the typed error, and was counted.
 */
export async function checkAgreement(m: BulkheadModel, s: BulkheadSystem, label: string): Promise<void> {
  await flush();
  const b = s.bulkhead;
  s.peakActive = Math.max(s.peakActive, b.active);
  invariant(
    s.peakActive <= m.maxConcurrent,
    () => `${label}: ${s.peakActive} calls in flight, maxConcurrent=${m.maxConcurrent}`,
  );
  invariant(b.queued <= m.maxQueue, () => `${label}: ${b.queued} calls queued, maxQueue=${m.maxQueue}`);
  // Work-conserving: nobody waits while a slot is free (a leaked or lost slot shows here).
  invariant(
    b.queued === 0 || b.active === m.maxConcurrent,
    () => `${label}: ${b.queued} waiting while only ${b.active}/${m.maxConcurrent} slots are in use`,
  );
  invariant(
    b.active === m.running.length,
    () => `${label}: bulkhead has ${b.active} in flight, model ${m.running.length} [${m.running}]`,
  );
  invariant(
    b.queued === m.queue.length,
    () => `${label}: bulkhead has ${b.queued} queued, model ${m.queue.length} [${m.queue.map((q) => q.id)}]`,
  );
  invariant(
    s.admitted.join(',') === m.admitted.join(','),
    () => `${label}: admission order [${s.admitted}], model (FIFO) [${m.admitted}]`,
  );
  invariant(
    s.rejections === m.rejections,
    () => `${label}: onReject called ${s.rejections} times, model ${m.rejections}`,
  );
  for (const [id, call] of s.calls) {
    const fate = m.failed.get(id);
    if (fate !== undefined) {
      const code = typeof call.state === 'object' ? call.state.code : call.state;
      invariant(
        code === expectedCode[fate],
        () => `${label}: call #${id} should have failed (${fate}) with ${expectedCode[fate]}, got ${code}`,
      );
    } else if (m.queue.some((q) => q.id === id)) {
      invariant(
        call.state === 'pending',
        () => `${label}: queued call #${id} is ${JSON.stringify(call.state)}`,
      );
    }
  }
}
