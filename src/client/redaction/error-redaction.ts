import type { Redactor } from '../../redaction/redactor.ts';
import { redactorFor } from '../../redaction/redactor-for.ts';
import type { AuthProvider } from '../auth/auth-provider.ts';
import type { ResolvedClientOptions } from '../resolve-client-options.ts';
import { defaultErrorRedactor, redactErrorInPlace } from './redact-error.ts';

/**
 * How a client scrubs the errors it throws (errors can carry echoed credentials in their
 * message, response headers or body): with its `redact` options and every credential in
 * use (the provider's current secrets too, which change when OAuth2 refreshes), when any of
 * redact, auth, endpoints or hedging is configured; with the default rules otherwise.
 *
 * @example
 * const redactError = errorRedaction(options, auth);
 * redactError(err); // in place
 */
export function errorRedaction(
  o: Pick<ResolvedClientOptions, 'redact' | 'auth' | 'endpoints' | 'hedging' | 'headers'>,
  auth: AuthProvider | undefined,
): (err: unknown) => void {
  const configured =
    o.redact !== undefined || o.auth !== undefined || o.endpoints !== undefined || o.hedging !== undefined;
  if (!configured) return (err) => redactErrorInPlace(err, defaultErrorRedactor);
  const redactor: Redactor = redactorFor(o);
  return (err) => {
    if (auth !== undefined) for (const s of auth.secrets()) redactor.addSecret(s);
    redactErrorInPlace(err, redactor);
  };
}
