import { BULKHEAD_DEFAULTS } from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { integerAtLeast, type Rules, resolveGroup } from '../_internals/validate.ts';
import type { BulkheadOptions } from '../client-types.ts';

/** Defaults of the bulkhead, declared with their units in src/config/options/client-defaults.ts. */
export const bulkheadDefaults: Readonly<Required<BulkheadOptions>> = BULKHEAD_DEFAULTS;

const BULKHEAD_RULES: Rules<Required<BulkheadOptions>> = {
  maxConcurrent: integerAtLeast(1),
  maxQueue: integerAtLeast(0),
};

/** Validates and fills in BulkheadOptions; throws InvalidOptionsError naming `bulkhead.<field>`. */
export function resolveBulkheadOptions(o: BulkheadOptions = {}): Required<BulkheadOptions> {
  return resolveGroup('bulkhead', o, BULKHEAD_RULES, bulkheadDefaults);
}

/** What `enter` answers: run now, wait in the queue (call `resolve` later), or rejected. */
export type BulkheadDecision = 'run' | 'queued' | 'rejected';

/**
 * A bulkhead as a synchronous state machine: at most `maxConcurrent` calls run, at most
 * `maxQueue` wait, FIFO. It never awaits: `enter(waiter)` says whether the caller runs now;
 * a queued waiter is called back from `leave()` when a slot frees up. The client owns the
 * waiting (and the deadline / abort of a queued call, via `cancel`).
 *
 * @example
 * const bulkhead = new Bulkhead({ maxConcurrent: 2, maxQueue: 1 });
 * if (bulkhead.enter(resume) === 'rejected') throw new BulkheadFullError(...);
 * try { ... } finally { bulkhead.leave(); }
 */
export class Bulkhead {
  readonly options: Required<BulkheadOptions>;
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(options?: BulkheadOptions) {
    this.options = resolveBulkheadOptions(options);
  }

  /** Calls running now. */
  get active(): number {
    return this.running;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /** Takes a free slot if there is one (nobody queued before us); true when taken. */
  tryEnter(): boolean {
    if (this.running < this.options.maxConcurrent && this.queue.length === 0) {
      this.running++;
      return true;
    }
    return false;
  }

  /** Takes a slot (`run`), or queues `waiter` to be called when one frees (`queued`), or `rejected`. */
  enter(waiter: () => void): BulkheadDecision {
    if (this.tryEnter()) return 'run';
    if (this.queue.length < this.options.maxQueue) {
      this.queue.push(waiter);
      return 'queued';
    }
    return 'rejected';
  }

  /** Removes a queued waiter (its call gave up); returns whether it was still queued. */
  cancel(waiter: () => void): boolean {
    const i = this.queue.indexOf(waiter);
    if (i < 0) return false;
    this.queue.splice(i, 1);
    return true;
  }

  /** Frees the caller's slot; hands it straight to the oldest waiter, if any. */
  leave(): void {
    if (this.running <= 0) {
      throw new InvalidOptionsError('bulkhead.leave()', 'a call that entered', 'a leave without enter');
    }
    const next = this.queue.shift();
    if (next === undefined) this.running--;
    else next(); // the slot passes to `next`: running stays the same
  }
}
