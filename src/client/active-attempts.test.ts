import { describe, expect, it } from 'vitest';
import { ActiveAttempts } from './active-attempts.ts';

const entry = (name: string) => ({ name, activeIndex: -1 });

describe('ActiveAttempts', () => {
  it('holds what was added and not yet deleted, whatever the order of deletes', () => {
    const active = new ActiveAttempts<ReturnType<typeof entry>>();
    const a = entry('a');
    const b = entry('b');
    const c = entry('c');
    const d = entry('d');
    for (const e of [a, b, c, d]) active.add(e);
    active.delete(b);
    active.delete(a);
    expect(active.size).toBe(2);
    expect(
      active
        .snapshot()
        .map((e) => e.name)
        .sort(),
    ).toEqual(['c', 'd']);
    active.delete(d);
    active.delete(d);
    active.add(c);
    expect(active.snapshot().map((e) => e.name)).toEqual(['c']);
    active.delete(c);
    expect(active.size).toBe(0);
    expect([a, b, c, d].every((e) => e.activeIndex === -1)).toBe(true);
  });

  it('ignores an entry another list holds', () => {
    const one = new ActiveAttempts<ReturnType<typeof entry>>();
    const other = new ActiveAttempts<ReturnType<typeof entry>>();
    const a = entry('a');
    const b = entry('b');
    one.add(a);
    other.add(b);
    one.delete(b);
    expect(one.size).toBe(1);
    expect(other.size).toBe(1);
  });
});
