import { HYPOTHESIS_KINDS, type Hypothesis, type HypothesisKind } from '../schema/hypothesis-schema.ts';

export type { LatencyPercentile } from '../schema/hypothesis-schema.ts';

/**
 * A hypothesis as the evaluators read it back from a `scenario-start` event: the schema's
 * validated shape (src/scenario/schema/hypothesis-schema.ts is the one definition).
 */
export type HypothesisSpec = Hypothesis;

/** The kind key of a hypothesis object, or undefined when it has none of them. */
export function hypothesisKind(spec: unknown): HypothesisKind | undefined {
  if (typeof spec !== 'object' || spec === null) return undefined;
  return HYPOTHESIS_KINDS.find((k) => (spec as Record<string, unknown>)[k] !== undefined);
}

/** Formats a `{ min?, max? }` bound for people: ">= 0.95", "<= 3", "in [1, 5]". */
export function describeBounds(bounds: { min?: number; max?: number }, unit = ''): string {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return `in [${min}${unit}, ${max}${unit}]`;
  if (min !== undefined) return `>= ${min}${unit}`;
  if (max !== undefined) return `<= ${max}${unit}`;
  return 'any';
}

/** True when `value` is within the optional bounds (inclusive). */
export function withinBounds(value: number, bounds: { min?: number; max?: number }): boolean {
  return (
    (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max)
  );
}
