import type { RequestListener } from 'node:http';

/**
 * A dependency of the code under test: the URL of a running upstream, or a Node request
 * listener that the session serves on 127.0.0.1 (port 0) and whose received requests it
 * records (`requests(name)`: wire evidence of what reached the upstream).
 */
export type UpstreamSpec = string | RequestListener;

/** Options of `useFaults` / `FaultSession`. */
export interface FaultSessionOptions {
  /** Dependencies by name: each gets its own proxy. */
  upstreams: Record<string, UpstreamSpec>;
  /**
   * A running Toxiproxy (or `faultline proxy`) admin API. Default: `TOXIPROXY_URL`, else an
   * embedded fault proxy started on a free port for this file.
   * @default process.env.TOXIPROXY_URL
   */
  toxiproxyUrl?: string;
  /** Seed of the HTTP faults' rate and delay draws. @default 1 */
  seed?: number;
}

/** A request that reached an upstream served by the session. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
