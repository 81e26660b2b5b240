import type { Endpoint } from './endpoint.ts';

/** A registry service as the explorer uses it (resolved from faultline.config.yaml). */
export interface ExploreService {
  /** Registry key. */
  name: string;
  /** Where the real (or fake) provider listens. */
  baseUrl: string;
  /** The variable that hands the test command the proxy URL, e.g. PAYMENTS_URL. */
  env: string;
  endpoints: Endpoint[];
  /** The caller's per-attempt timeout from the registry (`client.timeoutMs`), if any. */
  timeoutMs?: number;
}
