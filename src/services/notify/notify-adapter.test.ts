import { describe, expect, it } from 'vitest';
import { systemClock } from '../../time/system-clock.ts';
import { resolveNotifyAdapterOptions } from './notify-adapter.ts';

const client = { service: 'notify', baseUrl: 'http://127.0.0.1:1' };

describe('resolveNotifyAdapterOptions', () => {
  it('applies defaults: outbox of 1000, no timer, system clock, UUID keys', () => {
    const resolved = resolveNotifyAdapterOptions({ client });
    expect(resolved).toMatchObject({ maxOutbox: 1000, redeliverEveryMs: false, clock: systemClock });
    expect(resolved.idempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(resolved.idempotencyKey()).not.toBe(resolved.idempotencyKey());
  });

  it.each([
    [{ maxOutbox: -1 }, 'notify.maxOutbox: expected an integer >= 0, got -1'],
    [{ maxOutbox: 1.5 }, 'notify.maxOutbox: expected an integer >= 0, got 1.5'],
    [{ redeliverEveryMs: 0 }, 'notify.redeliverEveryMs: expected a number of ms > 0 or false, got 0'],
  ])('rejects %o', (options, message) => {
    expect(() => resolveNotifyAdapterOptions({ client, ...options })).toThrow(message);
  });
});
