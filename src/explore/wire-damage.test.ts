import { describe, expect, it } from 'vitest';
import { groupEndpoints } from './endpoint.ts';
import type { ExploreService } from './explore-service.ts';
import type { ServiceWireEntry } from './start-run-proxies.ts';
import { wireDamage } from './wire-damage.ts';

const payments: ExploreService = {
  name: 'payments',
  baseUrl: 'http://127.0.0.1:1',
  env: 'PAYMENTS_URL',
  endpoints: groupEndpoints([
    { description: 'a charge', method: 'POST', path: '/charges', status: 201, headers: {} },
  ]),
};
const charge = (startedAt: number, extra: Partial<ServiceWireEntry> = {}): ServiceWireEntry => ({
  service: 'payments',
  startedAt,
  durationMs: 10,
  method: 'POST',
  path: '/charges',
  origin: 'http://127.0.0.1:1',
  status: 201,
  upstream: true,
  end: 'complete',
  ...extra,
});

describe('wireDamage', () => {
  const baseline = [charge(0, { idempotencyKey: 'order-1' })];

  it('a retry with the same Idempotency-Key is no damage; one without is a duplicate side effect', () => {
    const sameKey = [charge(0, { idempotencyKey: 'order-1' }), charge(400, { idempotencyKey: 'order-1' })];
    expect(wireDamage(sameKey, baseline, [payments])).toEqual([]);
    const noKey = [charge(0, { idempotencyKey: 'order-1' }), charge(400)];
    expect(wireDamage(noKey, baseline, [payments])).toEqual([
      'duplicate side effect: payments POST /charges reached the upstream as 2 distinct effects (baseline 1): a retry without the same Idempotency-Key',
    ]);
  });

  it('a request that never reached the upstream is no side effect', () => {
    const answeredByFault = [charge(0, { upstream: false, status: 503 }), charge(400)];
    expect(wireDamage(answeredByFault, baseline, [payments])).toEqual([]);
  });

  it('a call back before the Retry-After elapsed is Retry-After ignored; after it, no damage', () => {
    const early = [
      charge(0, { upstream: false, status: 429, retryAfter: '1', idempotencyKey: 'order-1' }),
      charge(200, { idempotencyKey: 'order-1' }),
    ];
    expect(wireDamage(early, baseline, [payments])).toEqual([
      'Retry-After ignored: payments POST /charges was answered 429 with Retry-After: 1 and called again 190 ms later',
    ]);
    const patient = [early[0]!, charge(1_020, { idempotencyKey: 'order-1' })];
    expect(wireDamage(patient, baseline, [payments])).toEqual([]);
  });
});
