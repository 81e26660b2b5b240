import { describe, expect, it } from 'vitest';
import { Bulkhead } from './bulkhead.ts';

describe('Bulkhead', () => {
  it('runs up to maxConcurrent, queues up to maxQueue, rejects the rest', () => {
    const b = new Bulkhead({ maxConcurrent: 2, maxQueue: 1 });
    const woken: string[] = [];
    expect(b.enter(() => woken.push('a'))).toBe('run');
    expect(b.enter(() => woken.push('b'))).toBe('run');
    expect(b.enter(() => woken.push('c'))).toBe('queued');
    expect(b.enter(() => woken.push('d'))).toBe('rejected');
    expect([b.active, b.queued]).toEqual([2, 1]);
    b.leave();
    expect(woken).toEqual(['c']);
    expect([b.active, b.queued]).toEqual([2, 0]);
    b.leave();
    b.leave();
    expect(b.active).toBe(0);
  });

  it('tryEnter takes a free slot only when nobody is queued before it', () => {
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    expect(b.tryEnter()).toBe(true);
    expect(b.tryEnter()).toBe(false);
    expect(b.enter(() => {})).toBe('queued');
    expect([b.active, b.queued]).toEqual([1, 1]);
    b.leave(); // the slot passes to the queued waiter
    expect(b.tryEnter()).toBe(false);
    b.leave();
    expect(b.tryEnter()).toBe(true);
  });

  it('hands slots over in FIFO order and forgets cancelled waiters', () => {
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 3 });
    const woken: string[] = [];
    const w = (name: string) => () => woken.push(name);
    const second = w('second');
    expect(b.enter(w('first'))).toBe('run');
    b.enter(second);
    b.enter(w('third'));
    expect(b.cancel(second)).toBe(true);
    expect(b.cancel(second)).toBe(false);
    b.leave();
    expect(woken).toEqual(['third']);
  });

  it('does not let a newcomer overtake the queue', () => {
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 1 });
    b.enter(() => {});
    b.enter(() => {});
    b.leave(); // slot passes to the queued waiter
    expect(b.enter(() => {})).toBe('queued');
  });

  it('rejects invalid options and unbalanced leave', () => {
    expect(() => new Bulkhead({ maxConcurrent: 0 })).toThrow(
      'bulkhead.maxConcurrent: expected an integer >= 1, got 0',
    );
    expect(() => new Bulkhead().leave()).toThrow(/leave/);
  });
});
