import { describe, expect, it } from 'vitest';
import { breakerOutcomeOf } from './breaker-outcome.ts';
import { breakerDefaults } from './resolve-breaker-options.ts';

describe('breakerOutcomeOf', () => {
  const statuses = breakerDefaults.failureStatuses;
  it('classifies statuses by failureStatuses', () => {
    expect(breakerOutcomeOf({ status: 200 }, statuses)).toBe('success');
    expect(breakerOutcomeOf({ status: 404 }, statuses)).toBe('success');
    expect(breakerOutcomeOf({ status: 429 }, statuses)).toBe('success');
    expect(breakerOutcomeOf({ status: 503 }, statuses)).toBe('failure');
    expect(breakerOutcomeOf({ status: 408 }, statuses)).toBe('failure');
  });

  it('network errors fail; caller aborts and deadlines are neutral', () => {
    expect(breakerOutcomeOf({ errorCode: 'FAULTLINE_NETWORK' }, statuses)).toBe('failure');
    expect(breakerOutcomeOf({ errorCode: 'FAULTLINE_TIMEOUT' }, statuses)).toBe('failure');
    expect(breakerOutcomeOf({ errorCode: 'FAULTLINE_ABORTED' }, statuses)).toBe('ignore');
    expect(breakerOutcomeOf({ errorCode: 'FAULTLINE_DEADLINE_EXCEEDED' }, statuses)).toBe('ignore');
  });
});
