/**
 * A seeded source of chance. Jitter, toxicity and fault rates all draw from one of these,
 * so a run with the same seed makes the same choices.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/**
 * Mulberry32: tiny, fast, and good enough for jitter and fault rates (not for secrets).
 *
 * @example
 * const random = createRandom(42);
 * random.next(); // same value on every run
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * A new independent stream derived from `seed` and a label, so that adding draws in one
 * place (say, toxicity) does not shift the draws of another (say, jitter).
 */
export function deriveRandom(seed: number, label: string): Random {
  let h = (seed >>> 0) ^ 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return createRandom(h);
}

/** A uniform float in [min, max). */
export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random.next();
}
