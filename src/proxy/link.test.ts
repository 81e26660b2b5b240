import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/manual-clock.ts';
import { createRandom } from '../time/random.ts';
import { type LinkSink, ToxicLink } from './link.ts';
import type { ToxicWrapper } from './toxic-wrapper.ts';
import { findToxicType } from './toxics/toxic-registry.ts';

function wrapper(name: string, type: string, attributes: Record<string, number>, toxicity = 1): ToxicWrapper {
  const toxicType = findToxicType(type)!;
  return {
    name,
    type,
    stream: 'downstream',
    direction: 'downstream',
    toxicity,
    attributes,
    toxicType,
    toxic: toxicType.create(attributes),
  };
}

function sink(): LinkSink & { out: string[]; ended: boolean; resets: number } {
  const s = {
    out: [] as string[],
    ended: false,
    resets: 0,
    write: async (chunk: { data: Buffer }) => {
      s.out.push(chunk.data.toString());
    },
    end: () => {
      s.ended = true;
    },
    reset: () => {
      s.resets++;
    },
  };
  return s;
}

describe('ToxicLink', () => {
  it('passes chunks through an empty chain and ends on EOF', async () => {
    const clock = new ManualClock();
    const out = sink();
    const link = new ToxicLink([], clock, createRandom(1), out);
    link.input.force({ data: Buffer.from('a'), timestamp: 0 });
    link.input.force(null);
    await link.done;
    expect(out.out).toEqual(['a']);
    expect(out.ended).toBe(true);
  });

  it('applies a toxic added mid-stream and drops none of the queued chunks when removed', async () => {
    const clock = new ManualClock();
    const out = sink();
    const link = new ToxicLink([], clock, createRandom(1), out);
    link.input.force({ data: Buffer.from('before'), timestamp: clock.now() });
    await clock.advance(0);
    await link.addToxic(wrapper('lag', 'latency', { latency: 100, jitter: 0 }));
    link.input.force({ data: Buffer.from('during1'), timestamp: clock.now() });
    link.input.force({ data: Buffer.from('during2'), timestamp: clock.now() });
    await clock.advance(50);
    expect(out.out).toEqual(['before']);
    await link.removeToxic('lag');
    await clock.advance(0);
    expect(out.out).toEqual(['before', 'during1', 'during2']);
    link.input.force({ data: Buffer.from('after'), timestamp: clock.now() });
    await clock.advance(0);
    expect(out.out.at(-1)).toBe('after');
    link.dispose();
  });

  it('keeps chain order: toxics apply in the order they were added', async () => {
    const clock = new ManualClock();
    const out = sink();
    const link = new ToxicLink(
      [
        wrapper('limit', 'limit_data', { bytes: 4 }),
        wrapper('slice', 'slicer', { average_size: 2, size_variation: 0, delay: 0 }),
      ],
      clock,
      createRandom(1),
      out,
    );
    link.input.force({ data: Buffer.from('abcdefgh'), timestamp: 0 });
    await clock.advance(0);
    await link.done;
    expect(out.out).toEqual(['ab', 'cd']);
    expect(out.ended).toBe(true);
  });

  it('a toxic with toxicity 0 leaves the connection untouched', async () => {
    const clock = new ManualClock();
    const out = sink();
    const link = new ToxicLink([wrapper('cut', 'limit_data', { bytes: 1 }, 0)], clock, createRandom(1), out);
    link.input.force({ data: Buffer.from('whole'), timestamp: 0 });
    await clock.advance(0);
    expect(out.out).toEqual(['whole']);
    link.dispose();
  });

  it('an update restarts the toxic with new attributes, keeping its state', async () => {
    const clock = new ManualClock();
    const out = sink();
    const limit = wrapper('limit', 'limit_data', { bytes: 3 });
    const link = new ToxicLink([limit], clock, createRandom(1), out);
    link.input.force({ data: Buffer.from('ab'), timestamp: 0 });
    await clock.advance(0);
    await link.updateToxic(wrapper('limit', 'limit_data', { bytes: 4 }));
    link.input.force({ data: Buffer.from('cdef'), timestamp: 0 });
    await link.done;
    expect(out.out.join('')).toBe('abcd');
  });
});
