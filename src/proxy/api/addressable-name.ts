import { apiError } from './api-error.ts';

/** Longest proxy or toxic name, in characters: its URL must fit Node's 16 KiB request head. */
export const MAX_NAME_LENGTH = 255;

/**
 * Why: a name becomes a path segment (`/proxies/{name}`, `.../toxics/{name}`). A name that
 * no client can address afterwards (`.` and `..` are folded away by every URL parser, a
 * `/` splits the segment, 200,000 characters overflow the request head) would create a
 * proxy nobody can update or delete. Toxiproxy accepts such names; we refuse them when
 * they are created. `where` is appended to the message (` at proxy 2` for /populate).
 */
export function checkAddressableName(kind: 'proxy' | 'toxic', name: string, where = ''): void {
  const why =
    name === '.' || name === '..'
      ? 'it is a relative path segment'
      : name.includes('/')
        ? 'it contains "/"'
        : name.length > MAX_NAME_LENGTH
          ? `it has ${name.length} characters`
          : undefined;
  if (why === undefined) return;
  const shown = name.length > 40 ? `${name.slice(0, 40)}...` : name;
  throw apiError(
    'invalidName',
    `${kind} name "${shown}"${where} cannot be used in a URL (${why}); ` +
      `expected 1 to ${MAX_NAME_LENGTH} characters, no "/", not "." or ".."`,
  );
}
