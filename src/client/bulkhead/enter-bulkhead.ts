import { AbortedError } from '../../errors/aborted-error.ts';
import { BulkheadFullError } from '../../errors/bulkhead-full-error.ts';
import type { Clock } from '../../time/clock.ts';
import type { Bulkhead } from './bulkhead.ts';

/** The part of a call the bulkhead wait needs. */
export interface BulkheadCall {
  deadlineAt: number;
  signal: AbortSignal | undefined;
  aborted: Error | undefined;
}

/**
 * Takes a slot of `bulkhead` for `call`: at once, or after waiting in its queue, at most
 * until the call's deadline; rejects with BulkheadFullError (full, or queued past the
 * deadline) or with the abort error. The caller must `bulkhead.leave()` once done.
 *
 * A slot handed over after the waiter gave up is passed straight on (leave()), so none
 * leaks. Only a queued call arms a clock timer: the uncontended path allocates nothing.
 *
 * @example
 * await enterBulkhead(bulkhead, call, { service, clock, onReject });
 * try { ... } finally { bulkhead.leave(); }
 */
export function enterBulkhead(
  bulkhead: Bulkhead,
  call: BulkheadCall,
  deps: { service: string; clock: Clock; onReject(): void },
): Promise<void> {
  const { maxConcurrent, maxQueue } = bulkhead.options;
  if (call.aborted !== undefined) return Promise.reject(call.aborted);
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let cancelTimer: (() => void) | undefined;
    const waiter = () => {
      cancelTimer?.();
      call.signal?.removeEventListener('abort', onAbort);
      if (settled) bulkhead.leave();
      else {
        settled = true;
        resolve();
      }
    };
    const giveUp = (err: Error) => {
      if (settled) return;
      settled = true;
      bulkhead.cancel(waiter);
      cancelTimer?.();
      call.signal?.removeEventListener('abort', onAbort);
      reject(err);
    };
    const onAbort = () => giveUp(call.aborted ?? new AbortedError(deps.service));
    const decision = bulkhead.enter(waiter);
    if (decision === 'run') {
      settled = true;
      resolve();
    } else if (decision === 'rejected') {
      deps.onReject();
      giveUp(new BulkheadFullError(deps.service, maxConcurrent, maxQueue, 'full'));
    } else {
      call.signal?.addEventListener('abort', onAbort, { once: true });
      cancelTimer = deps.clock.setTimer(call.deadlineAt - deps.clock.now(), () => {
        deps.onReject();
        giveUp(new BulkheadFullError(deps.service, maxConcurrent, maxQueue, 'queue-timeout'));
      });
    }
  });
}
