/** The outcome of one property (or config rule) for one service. */
export interface PropertyCheckResult {
  service: string;
  property: string;
  ok: boolean;
  /** What was proved, or what broke and how to fix it. */
  detail: string;
  /** Shrunk counterexample (fast-check's rendering), when a property failed. */
  counterexample?: string;
  /** Seed and path that replay the counterexample. */
  seed?: number;
  path?: string;
  numRuns?: number;
}

export interface CheckSummary {
  ok: boolean;
  seed: number;
  numRuns: number;
  results: PropertyCheckResult[];
  /** Services without a client under test (e.g. toxiproxy). */
  skipped: Array<{ service: string; reason: string }>;
}
