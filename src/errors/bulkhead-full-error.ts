import { FaultlineError } from './faultline-error.ts';

/**
 * The bulkhead had `maxConcurrent` calls running and `maxQueue` waiting, or a queued call
 * waited until its deadline: the call was rejected without touching the network.
 *
 * @example
 * if (err instanceof BulkheadFullError) shedLoad();
 */
export class BulkheadFullError extends FaultlineError {
  readonly service: string;

  constructor(service: string, maxConcurrent: number, maxQueue: number, why: 'full' | 'queue-timeout') {
    super(
      'FAULTLINE_BULKHEAD_FULL',
      `Failed to call ${service}: the bulkhead ` +
        (why === 'full'
          ? `is full (maxConcurrent=${maxConcurrent} running, maxQueue=${maxQueue} waiting)`
          : 'queue wait reached the call deadline') +
        '. Raise `bulkhead.maxConcurrent` / `bulkhead.maxQueue` or shed load upstream.',
    );
    this.service = service;
  }
}
