import type { Clock } from '../../time/clock.ts';

/** A token as the token endpoint handed it out. */
export interface IssuedToken {
  accessToken: string;
  /** Lifetime in seconds (`expires_in`), when the endpoint said. */
  expiresInS: number | undefined;
}

export interface TokenCacheOptions {
  /** Refresh this long before expiry, ms. */
  refreshSkewMs: number;
  /** Lifetime assumed when the endpoint gives no `expires_in`, ms. */
  defaultLifetimeMs: number;
}

/**
 * The OAuth2 token of one client, cached on the clock:
 *
 * - served from cache until `refreshSkewMs` before it expires (at most half its lifetime
 *   early, so a short-lived token is still reused);
 * - one fetch in flight at a time (single-flight): every caller that needs a token while
 *   a fetch runs awaits that fetch;
 * - `invalidate(token)` after a 401 drops the token only if it is still the current one, so
 *   a burst of 401s on the same token causes one refresh, not one per call;
 * - a failed fetch is not cached: the next caller tries again.
 *
 * @example
 * const cache = new OAuth2TokenCache(() => fetchToken(), clock, { refreshSkewMs: 30_000, defaultLifetimeMs: 300_000 });
 * const token = await cache.get();
 */
export class OAuth2TokenCache {
  private token: string | undefined;
  private refreshAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<string> | undefined;
  /** Tokens fetched so far (for tests and metrics). */
  fetches = 0;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly options: TokenCacheOptions,
  ) {}

  /** The current token, if one is cached and fresh. */
  peek(): string | undefined {
    return this.token !== undefined && this.clock.now() < this.refreshAt ? this.token : undefined;
  }

  /**
   * A fresh token, fetched when needed. Takes no caller signal on purpose: the fetch is
   * shared, and one caller giving up must not fail the others waiting on it.
   */
  get(): Promise<string> {
    const fresh = this.peek();
    if (fresh !== undefined) return Promise.resolve(fresh);
    return this.refresh();
  }

  /** Drops `token` if it is the cached one; returns whether it was. */
  invalidate(token: string): boolean {
    if (this.token !== token) return false;
    this.token = undefined;
    this.refreshAt = Number.NEGATIVE_INFINITY;
    return true;
  }

  /** The token last handed out, fresh or not (for redaction). */
  get current(): string | undefined {
    return this.token;
  }

  private refresh(): Promise<string> {
    if (this.inFlight !== undefined) return this.inFlight;
    const started = this.clock.now();
    this.fetches++;
    const flight = this.fetchToken().then(
      (issued) => {
        const lifetime =
          issued.expiresInS === undefined ? this.options.defaultLifetimeMs : issued.expiresInS * 1_000;
        const early = Math.min(this.options.refreshSkewMs, lifetime / 2);
        this.token = issued.accessToken;
        this.refreshAt = started + lifetime - early;
        this.inFlight = undefined;
        return issued.accessToken;
      },
      (err: unknown) => {
        this.inFlight = undefined;
        throw err;
      },
    );
    this.inFlight = flight;
    return flight;
  }
}
