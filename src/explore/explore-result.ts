import type { CallSite } from './call-site.ts';

/**
 * tolerated: the test passed and the wire shows no damage; failed: the test command failed
 * (or timed out); damaged: it passed, but the wire shows damage (a duplicate charge);
 * not-reached: the targeted call never came, so the fault was not applied (proves nothing).
 */
export type CellVerdict = 'tolerated' | 'failed' | 'damaged' | 'not-reached';

/** One fault put on one call site (or two, with `--pairs`). */
export interface AppliedFault extends CallSite {
  /** Fault id, e.g. `status-429`. */
  fault: string;
  label: string;
}

/** One run of the test command under one plan entry: a cell of the matrix. */
export interface ExploreCell {
  /** Plan entry id, for `--only`: `payments/post-charges#1/status-429` (pairs: two ids joined by `+`). */
  id: string;
  faults: AppliedFault[];
  verdict: CellVerdict;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** What went wrong on the wire although the test passed. */
  damage: string[];
  /** The tail of the command's output (failed and damaged cells only). */
  output?: string;
  /** Command line that replays just this cell. */
  replay: string;
}

export interface ExploreCounts {
  /** Single-fault entries: call sites × faults. */
  singles: number;
  /** Pair entries before pruning (0 without `--pairs`). */
  pairsPlanned: number;
  /** Pair entries skipped: the first fault stopped the test before the second call. */
  pairsPruned: number;
  /** Runs of the command under a fault (the baseline not counted). */
  runs: number;
  tolerated: number;
  failed: number;
  damaged: number;
  notReached: number;
}

/** What `faultline explore` found: the fault-coverage matrix and how it was obtained. */
export interface ExploreResult {
  kind: 'explore';
  command: string[];
  /** `i/n` when this is a shard. */
  shard?: string;
  baseline: { durationMs: number; callSites: CallSite[]; unmatched: string[] };
  cells: ExploreCell[];
  counts: ExploreCounts;
  wallMs: number;
  parallel: number;
}
