import { InvalidOptionsError } from '../errors/invalid-options-error.ts';

/** Splits `http://host:port/prefix/` into its origin and `/prefix` (no trailing slash). */
export function splitBaseUrl(field: string, value: unknown): { origin: string; basePath: string } {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidOptionsError(field, 'an absolute http(s) URL such as "http://127.0.0.1:7001"', value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionsError(field, 'an http: or https: URL', value);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidOptionsError(field, 'a URL without query or fragment (pass `query` per request)', value);
  }
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}
