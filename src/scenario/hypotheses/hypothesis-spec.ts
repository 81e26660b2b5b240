/**
 * The hypotheses of the scenario format (docs/scenario-format.md), as written in a
 * scenario file and copied into the `scenario-start` event. Each object has an optional
 * `phase` (omitted = the whole run) and exactly one kind key.
 */
export type HypothesisSpec = { phase?: string } & (
  | { successRate: { min?: number; max?: number } }
  | { latencyMs: Partial<Record<LatencyPercentile, { max: number }>> }
  | {
      breaker:
        | { opensWithinCalls: number }
        | { closesWithinMs: number }
        | { neverOpens: true }
        | { opens: true };
    }
  | { upstreamCalls: { max?: number; min?: number; whileOpen?: boolean } }
  | { fallbacks: { min?: number; max?: number; minRate?: number } }
  | { attemptsPerCall: { max: number } }
  | { deadline: { neverExceeded: true } }
  | { calls: { min?: number; max?: number } }
  | { errors: { code: string; min?: number; max?: number } }
  | { upstreamShare: { endpoint: number; min?: number; max?: number } }
);

export type LatencyPercentile = 'p50' | 'p90' | 'p95' | 'p99' | 'max';

/** Every kind key, in the order the format lists them. */
export const HYPOTHESIS_KINDS = [
  'successRate',
  'latencyMs',
  'breaker',
  'upstreamCalls',
  'fallbacks',
  'attemptsPerCall',
  'deadline',
  'calls',
  'errors',
  'upstreamShare',
] as const;

export type HypothesisKind = (typeof HYPOTHESIS_KINDS)[number];

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
