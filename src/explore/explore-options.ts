import type { ExploreService } from './explore-service.ts';

/** Options of `explore()`. */
export interface ExploreOptions {
  /** The user's test command, argv style (run without a shell). */
  command: string[];
  /** Environment the command starts from (the proxies' URLs are added). @default process.env */
  env?: Record<string, string | undefined>;
  /** Working directory of the command. */
  cwd: string;
  services: ExploreService[];
  /** Per run of the command, ms. @default 60000 */
  runTimeoutMs?: number;
  /** Runs at once, each with its own proxies. @default 1 */
  parallel?: number;
  /** Run only slice `index` of `total` (1-based) of the single-fault plan. */
  shard?: { index: number; total: number };
  /** Run only the entry with this id. */
  only?: string;
  /** Only faults whose id starts with one of these (`refused`, `status-`). @default every fault */
  faults?: string[];
  /** Also run two faults at once for the call sites that tolerated one each. @default false */
  pairs?: boolean;
  /** Injected latency and slow-body duration, ms. @default 2 × the service's timeoutMs, else 5000 */
  latencyMs?: number;
  /** How to write a replay command for an entry id (the CLI's). @default `faultline explore --only ID -- command` */
  replay?: (id: string) => string;
  /** Called after each run. */
  onCell?: (cell: import('./explore-result.ts').ExploreCell) => void;
  signal?: AbortSignal;
}

export const EXPLORE_DEFAULTS = { runTimeoutMs: 60_000, parallel: 1, latencyMs: 5_000 } as const;
