import type { RawResponse } from '../transport/attempt-handler.ts';
import type { AttemptLike, StartAttempt } from '../transport/start-attempt.ts';
import type { AuthProvider } from './auth-provider.ts';

/**
 * The auth stage of an attempt with refreshable credentials (OAuth2): awaits the provider's
 * current credentials, sets them over the request's headers and sends through `next` (the
 * endpoint pick, or the transport); an attempt answered 401 refreshes them and resends
 * once, through `next` again, so it may pick another endpoint.
 *
 * Static credentials (API key, bearer, basic) need no stage: buildRequest sets them over
 * the call's headers once per call (`RequestDefaults.credentials`).
 *
 * @example
 * const start = authenticatedAttempts(createAuthProvider(options.auth, service, clock), sendDirect);
 */
export function authenticatedAttempts(auth: AuthProvider, next: StartAttempt): StartAttempt {
  return (request, info, timeoutAt, timeoutMs) => {
    const attempt = new RefreshingAttempt();
    attempt.promise = attempt.run(auth, next, request, info, timeoutAt, timeoutMs);
    return attempt;
  };
}

/** One attempt with refreshable credentials: at most one resend after a 401. */
class RefreshingAttempt implements AttemptLike {
  promise!: Promise<RawResponse>;
  activeIndex = -1;
  private current: AttemptLike | undefined;
  private aborted: Error | undefined;

  get origin(): string | undefined {
    return this.current?.origin;
  }

  abort(err: Error): void {
    this.aborted ??= err;
    this.current?.abort(err);
  }

  async run(
    auth: AuthProvider,
    next: StartAttempt,
    request: Parameters<StartAttempt>[0],
    info: Parameters<StartAttempt>[1],
    timeoutAt: number,
    timeoutMs: number,
  ): Promise<RawResponse> {
    let resent = false;
    for (;;) {
      const credentials = await auth.headers();
      if (this.aborted !== undefined) throw this.aborted;
      const headers = { ...request.headers, ...credentials };
      this.current = next({ ...request, headers }, info, timeoutAt, timeoutMs);
      const response = await this.current.promise;
      if (response.status === 401 && !resent) {
        resent = true;
        if (await auth.onUnauthorized(credentials)) continue;
      }
      return response;
    }
  }
}
