import { describe, expect, it } from 'vitest';
import { createUuidSequence } from './uuid-sequence.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createUuidSequence', () => {
  it('yields version-4-shaped ids, each one new', () => {
    const next = createUuidSequence();
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const id = next();
      expect(id).toMatch(UUID_V4);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
  });

  it('keeps the random part per sequence and counts in the node field', () => {
    const next = createUuidSequence();
    const a = next();
    const b = next();
    expect(b.slice(0, 24)).toBe(a.slice(0, 24));
    const step = (Number.parseInt(b.slice(24), 16) - Number.parseInt(a.slice(24), 16) + 2 ** 48) % 2 ** 48;
    expect(step).toBe(1);
    expect(createUuidSequence()().slice(0, 24)).not.toBe(a.slice(0, 24));
  });
});
