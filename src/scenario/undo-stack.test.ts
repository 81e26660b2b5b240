import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack.ts';

describe('UndoStack', () => {
  it('runs undos newest first and empties itself', async () => {
    const stack = new UndoStack();
    const order: string[] = [];
    stack.push('a', () => order.push('a'));
    stack.push('b', async () => {
      await Promise.resolve();
      order.push('b');
    });
    stack.push('c', () => order.push('c'));
    expect(await stack.drain()).toEqual([]);
    expect(order).toEqual(['c', 'b', 'a']);
    expect(stack.size).toBe(0);
  });

  it('collects failures and still runs the remaining undos', async () => {
    const stack = new UndoStack();
    const order: string[] = [];
    stack.push('first', () => order.push('first'));
    stack.push('broken', () => {
      throw new Error('boom');
    });
    stack.push('last', () => order.push('last'));
    const failures = await stack.drain();
    expect(order).toEqual(['last', 'first']);
    expect(failures.map((f) => f.label)).toEqual(['broken']);
  });

  it('shares one drain between concurrent callers so nothing runs twice', async () => {
    const stack = new UndoStack();
    let runs = 0;
    stack.push('once', async () => {
      await Promise.resolve();
      runs++;
    });
    await Promise.all([stack.drain(), stack.drain()]);
    expect(runs).toBe(1);
  });
});
