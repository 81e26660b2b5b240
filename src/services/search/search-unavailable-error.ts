import { FaultlineError } from '../../errors/faultline-error.ts';

/**
 * Search failed and no last good result for the same (query, limit) was young enough to serve.
 * `reason` is the failure's code; `staleAgeMs` the age of the too-old entry, if there was one.
 *
 * @example
 * if (err instanceof SearchUnavailableError) return res.status(503).json({ error: 'search is down' });
 */
export class SearchUnavailableError extends FaultlineError {
  readonly query: string;
  readonly limit: number;
  readonly reason: string;
  readonly staleAgeMs: number | undefined;

  constructor(
    query: string,
    limit: number,
    reason: string,
    staleAgeMs: number | undefined,
    maxStaleMs: number,
    cause?: unknown,
  ) {
    const cached =
      staleAgeMs === undefined
        ? 'no earlier result is cached'
        : `the cached result is ${staleAgeMs} ms old, older than maxStaleMs ${maxStaleMs}`;
    super(
      'FAULTLINE_SEARCH_UNAVAILABLE',
      `Failed to search ${JSON.stringify(query)} (limit ${limit}): search is unavailable (${reason}) and ${cached}. ` +
        `Retry later, or raise search.maxStaleMs to serve older results.`,
      { cause },
    );
    this.query = query;
    this.limit = limit;
    this.reason = reason;
    this.staleAgeMs = staleAgeMs;
  }
}
