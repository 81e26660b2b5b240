/**
 * Every benchmark file `bench/<name>.bench.ts` default-exports a `Benchmark`.
 * `npm run bench` runs them all (or those named: `npm run bench -- proxy client`), prints
 * their figures and targets, and writes bench-results.json. It exits 1 if a target is missed.
 */
export interface Benchmark {
  name: string;
  run(): Promise<BenchResult>;
}

export interface BenchResult {
  /** Rows of a table: each row a label and its figures. */
  rows: Array<{ label: string } & Record<string, string | number>>;
  /** Targets from the issues, each checked against the figures. */
  targets: Array<{ name: string; ok: boolean; detail: string }>;
  notes?: string[];
}
