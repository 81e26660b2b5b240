import { describe, expect, it } from 'vitest';
import { noopToxic } from './noop.ts';
import { ToxicHarness } from './toxic-harness.ts';

describe('noop', () => {
  it('passes chunks and EOF through unchanged', async () => {
    const h = new ToxicHarness(noopToxic());
    h.send('a');
    h.send('b');
    h.end();
    await h.done;
    expect(h.taken()).toEqual(['a', 'b', null]);
  });
});
