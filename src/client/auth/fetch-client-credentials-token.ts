import type { Dispatcher } from 'undici';
import { AuthTokenError } from '../../errors/auth-token-error.ts';
import type { Clock } from '../../time/clock.ts';
import type { IssuedToken } from './oauth2-token-cache.ts';

export interface ClientCredentials {
  service: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
  timeoutMs: number;
}

/** Token responses larger than this are refused, bytes. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

/**
 * One OAuth2 client-credentials grant (RFC 6749 4.4): a form POST to the token endpoint with
 * the client authenticated by HTTP Basic (`client_secret_basic`, 2.3.1). Resolves with the
 * access token and its lifetime; rejects with AuthTokenError, whose message never carries
 * the secret or the token endpoint's body (it may echo credentials), only its `error` code.
 *
 * @example
 * const token = await fetchClientCredentialsToken(agent, creds, clock, closeSignal);
 */
export async function fetchClientCredentialsToken(
  dispatcher: Dispatcher,
  c: ClientCredentials,
  clock: Pick<Clock, 'setTimer'>,
  signal: AbortSignal,
): Promise<IssuedToken> {
  const url = new URL(c.tokenUrl);
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (c.scope !== undefined) form.set('scope', c.scope);
  if (c.audience !== undefined) form.set('audience', c.audience);
  const basic = Buffer.from(
    `${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`,
    'utf8',
  ).toString('base64');
  const timeout = new AbortController();
  const cancel = clock.setTimer(c.timeoutMs, () => timeout.abort());
  let status: number;
  let text: string;
  try {
    const res = await dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
      signal: AbortSignal.any([signal, timeout.signal]),
    });
    status = res.statusCode;
    const length = Number(res.headers['content-length'] ?? 0);
    if (length > MAX_TOKEN_RESPONSE_BYTES) {
      await res.body.dump();
      throw new AuthTokenError(c.service, c.tokenUrl, `the response is ${length} bytes`, status);
    }
    text = await res.body.text();
  } catch (err) {
    if (err instanceof AuthTokenError) throw err;
    const why = timeout.signal.aborted
      ? `no answer within ${c.timeoutMs} ms`
      : `request failed (${(err as { code?: string }).code ?? 'error'})`;
    throw new AuthTokenError(c.service, c.tokenUrl, why, undefined);
  } finally {
    cancel();
  }
  let body: { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (status < 200 || status > 299) {
    const code =
      typeof body?.error === 'string' && /^[\w.-]{1,64}$/.test(body.error) ? ` (${body.error})` : '';
    throw new AuthTokenError(c.service, c.tokenUrl, `it answered HTTP ${status}${code}`, status);
  }
  if (typeof body?.access_token !== 'string' || body.access_token === '') {
    throw new AuthTokenError(c.service, c.tokenUrl, 'the response has no access_token string', status);
  }
  const expires = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    expiresInS: Number.isFinite(expires) && expires > 0 ? expires : undefined,
  };
}
