import type { Redactor } from '../../redaction/redactor.ts';
import { redactorFor } from '../../redaction/redactor-for.ts';
import type { AuthProvider } from '../auth/auth-provider.ts';
import type { ResolvedClientOptions } from '../resolve-client-options.ts';
import { defaultErrorRedactor, redactErrorInPlace } from './redact-error.ts';

/** How a client scrubs what leaves it: its errors in place, and text an error will show. */
export interface ErrorRedaction {
  /** Scrubs an error in place (message, response headers and body, causes). */
  error(err: unknown): void;
  /** Text with the client's secrets (credentials in use, configured fields) scrubbed. */
  text(text: string): string;
}

/**
 * How a client scrubs the errors it throws (errors can carry echoed credentials in their
 * message, response headers or body): with its `redact` options and every credential in
 * use (the provider's current secrets too, which change when OAuth2 refreshes), when any of
 * redact, auth, endpoints or hedging is configured; with the default rules otherwise.
 *
 * @example
 * const redaction = errorRedaction(options, auth);
 * redaction.error(err); // in place
 */
export function errorRedaction(
  o: Pick<ResolvedClientOptions, 'redact' | 'auth' | 'endpoints' | 'hedging' | 'headers'>,
  auth: AuthProvider | undefined,
): ErrorRedaction {
  const configured =
    o.redact !== undefined || o.auth !== undefined || o.endpoints !== undefined || o.hedging !== undefined;
  if (!configured)
    return {
      error: (err) => redactErrorInPlace(err, defaultErrorRedactor),
      text: (text) => defaultErrorRedactor.text(text),
    };
  const redactor: Redactor = redactorFor(o);
  // The provider's secrets change when OAuth2 refreshes: read them at each use.
  const withAuthSecrets = () => {
    if (auth !== undefined) for (const s of auth.secrets()) redactor.addSecret(s);
    return redactor;
  };
  return {
    error: (err) => redactErrorInPlace(err, withAuthSecrets()),
    text: (text) => withAuthSecrets().text(text),
  };
}
