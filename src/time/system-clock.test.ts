import { describe, expect, it } from 'vitest';
import { SystemClock } from './system-clock.ts';

describe('SystemClock', () => {
  it('does not fire a timer longer than 2^31 - 1 ms at once', async () => {
    let fired = false;
    const cancel = new SystemClock().setTimer(3e9, () => {
      fired = true;
    });
    // A plain Node timer of 3e9 ms overflows and fires after 1 ms, before this later 5 ms one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fired).toBe(false);
    cancel();
  });

  it('fires a short timer, and not once cancelled', async () => {
    const clock = new SystemClock();
    const order: string[] = [];
    const cancelled = clock.setTimer(1, () => order.push('cancelled'));
    cancelled();
    await new Promise<void>((resolve) =>
      clock.setTimer(1, () => {
        order.push('fired');
        resolve();
      }),
    );
    expect(order).toEqual(['fired']);
  });
});
