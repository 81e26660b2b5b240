import type { ClientOptions } from '../client/client-types.ts';
import { Redactor } from './redactor.ts';

/**
 * The Redactor of one client's configuration: its `redact` options plus every credential in
 * it as a literal secret (the API key, bearer token, basic password and its base64 form,
 * the OAuth2 client secret, and the values of secret-named default headers). The runner
 * builds one per scenario and passes every event-log record through it.
 *
 * @example
 * const redactor = redactorFor(clientOptions);
 * log.write(redactor.value(record));
 */
export function redactorFor(options: Pick<ClientOptions, 'auth' | 'redact' | 'headers'>): Redactor {
  const r = new Redactor({ headers: options.redact?.headers, bodyFields: options.redact?.bodyFields });
  const auth = options.auth;
  if (auth !== undefined) {
    switch (auth.kind) {
      case 'api-key':
        r.addSecret(auth.key);
        break;
      case 'bearer':
        r.addSecret(auth.token);
        break;
      case 'basic':
        r.addSecret(auth.password);
        r.addSecret(Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64'));
        break;
      case 'oauth2-client-credentials':
        r.addSecret(auth.clientSecret);
        break;
    }
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (r.isSecretName(name)) r.addSecret(value);
  }
  return r;
}
