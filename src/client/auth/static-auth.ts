import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { AuthProvider } from './auth-provider.ts';

/**
 * Credentials that never change: one fixed header. A 401 is final (there is nothing to
 * refresh), so `onUnauthorized` resolves false.
 *
 * @example
 * staticAuth('x-api-key', key, [key]).headers(); // { 'x-api-key': key }
 */
export function staticAuth(header: string, value: string, secrets: readonly string[]): AuthProvider {
  const headers = Object.freeze({ [header.toLowerCase()]: value });
  return {
    refreshable: false,
    headers: () => headers,
    onUnauthorized: () => Promise.resolve(false),
    secrets: () => secrets,
    close: () => Promise.resolve(),
  };
}

export function apiKeyAuth(key: string, header = 'x-api-key'): AuthProvider {
  nonEmpty('auth.key', key);
  nonEmpty('auth.header', header);
  return staticAuth(header, key, [key]);
}

export function bearerAuth(token: string): AuthProvider {
  nonEmpty('auth.token', token);
  return staticAuth('authorization', `Bearer ${token}`, [token]);
}

/** RFC 7617: `Basic base64(username:password)`; the username may not contain ':'. */
export function basicAuth(username: string, password: string): AuthProvider {
  nonEmpty('auth.username', username);
  if (username.includes(':'))
    throw new InvalidOptionsError('auth.username', 'a user name without ":"', username);
  if (typeof password !== 'string')
    throw new InvalidOptionsError('auth.password', 'a string', '<not a string>');
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return staticAuth(
    'authorization',
    `Basic ${encoded}`,
    [password, encoded].filter((s) => s !== ''),
  );
}

function nonEmpty(field: string, value: unknown): void {
  // The received value is a secret: the message says only what kind of value it was.
  if (typeof value !== 'string' || value === '') {
    throw new InvalidOptionsError(field, 'a non-empty string', typeof value === 'string' ? '' : typeof value);
  }
}
