import { FaultlineError } from './faultline-error.ts';

/**
 * The OAuth2 token endpoint did not hand out a token (unreachable, non-2xx, or a body without
 * `access_token`). The message names the token URL and what came back, never a credential.
 *
 * @example
 * if (err instanceof AuthTokenError && err.status === 401) rotateClientSecret();
 */
export class AuthTokenError extends FaultlineError {
  readonly service: string;
  readonly tokenUrl: string;
  /** HTTP status of the token endpoint, when it answered. */
  readonly status: number | undefined;

  constructor(
    service: string,
    tokenUrl: string,
    why: string,
    status?: number,
    options?: { cause?: unknown },
  ) {
    super(
      'FAULTLINE_AUTH_TOKEN',
      `Failed to get an OAuth2 token for ${service} from ${tokenUrl}: ${why}. ` +
        'Check auth.tokenUrl, auth.clientId and auth.clientSecret in the client options.',
      options,
    );
    this.service = service;
    this.tokenUrl = tokenUrl;
    this.status = status;
  }
}
