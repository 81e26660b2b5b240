/**
 * A call site: the n-th request of one endpoint of one service in a run of the test
 * command (Filibuster's "call site", black-box: identified on the wire, not in the code).
 */
export interface CallSite {
  /** Registry key of the dependency. */
  service: string;
  /** Endpoint key, e.g. `POST /charges`. */
  endpoint: string;
  /** 1-based: the n-th request to that endpoint in the run. */
  occurrence: number;
}

/** `payments:POST /charges#1` */
export function callSiteId(site: CallSite): string {
  return `${site.service}:${site.endpoint}#${site.occurrence}`;
}
