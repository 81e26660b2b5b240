/** What replaces a redacted value. */
export const REDACTED = '[REDACTED]';

/** Headers whose values are always redacted (lower case). */
export const DEFAULT_REDACTED_HEADERS: readonly string[] = Object.freeze([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-amz-security-token',
]);

/**
 * JSON fields always redacted, compared without case, '-' and '_' (so `client_secret`,
 * `clientSecret` and `Client-Secret` are one name).
 */
export const DEFAULT_REDACTED_FIELDS: readonly string[] = Object.freeze([
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'apikey',
  'authorization',
  'cookie',
  'setcookie',
  'privatekey',
  'key',
]);

/**
 * Any header or field whose name contains one of these is treated as secret too
 * (`x-service-api-key`, `session_token`, `db_password`).
 */
export const SECRET_NAME_PATTERN = /api-?key|token|secret|passw(?:or)?d|authorization|cookie|credential/;

/** Secrets shorter than this are not scrubbed from free text (they would hit innocent words). */
export const MIN_SECRET_LENGTH = 4;

/** Lower case without '-' and '_'. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}
