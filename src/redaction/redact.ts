import { Redactor, type RedactorOptions } from './redactor.ts';

const defaultRedactor = new Redactor();

/**
 * A redacted deep copy of `value` (see Redactor): what every writer of events, event logs
 * and reports passes its records through. Without options it applies the defaults
 * (Authorization, Cookie, Set-Cookie, API-key headers, password/token/secret fields,
 * Bearer/Basic credentials); pass a Redactor to add configured fields and known secrets.
 *
 * @example
 * JSON.stringify(redact(record, redactorFor(clientOptions)));
 */
export function redact<T>(value: T, redactor: Redactor | RedactorOptions = defaultRedactor): T {
  const r = redactor instanceof Redactor ? redactor : new Redactor(redactor);
  return r.value(value) as T;
}
