import { describe, expect, it } from 'vitest';
import { NotifyOutbox, type QueuedNotification } from './notify-outbox.ts';

const entry = (key: string): QueuedNotification => ({
  notification: { userId: 'u', channel: 'email', message: key },
  idempotencyKey: key,
  queuedAt: 0,
  attempts: 1,
});

describe('NotifyOutbox', () => {
  it('keeps entries oldest first and refuses beyond its capacity', () => {
    const outbox = new NotifyOutbox(2);
    const pushed = [outbox.push(entry('a')), outbox.push(entry('b')), outbox.push(entry('c'))];
    expect(pushed).toEqual([true, true, false]);
    expect(outbox.full).toBe(true);
    expect(outbox.list().map((e) => e.idempotencyKey)).toEqual(['a', 'b']);
    expect(outbox.peek()?.idempotencyKey).toBe('a');
  });

  it('removes an entry wherever it is, and twice harmlessly', () => {
    const outbox = new NotifyOutbox(3);
    const b = entry('b');
    outbox.push(entry('a'));
    outbox.push(b);
    outbox.push(entry('c'));
    outbox.remove(b);
    outbox.remove(b);
    expect(outbox.list().map((e) => e.idempotencyKey)).toEqual(['a', 'c']);
    expect(outbox.size).toBe(2);
  });

  it('with capacity 0 refuses everything', () => {
    const outbox = new NotifyOutbox(0);
    expect(outbox.push(entry('a'))).toBe(false);
    expect(outbox.size).toBe(0);
  });

  it('returns a snapshot that later pushes do not change', () => {
    const outbox = new NotifyOutbox(3);
    outbox.push(entry('a'));
    const snapshot = outbox.list();
    outbox.push(entry('b'));
    expect(snapshot).toHaveLength(1);
  });
});
