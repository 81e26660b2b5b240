import {
  DEFAULT_REDACTED_FIELDS,
  DEFAULT_REDACTED_HEADERS,
  MIN_SECRET_LENGTH,
  normalizeName,
  REDACTED,
  SECRET_NAME_PATTERN,
} from './redaction-defaults.ts';

export interface RedactorOptions {
  /** Header names redacted in addition to DEFAULT_REDACTED_HEADERS (any case). */
  headers?: readonly string[];
  /** JSON field names redacted at any depth, e.g. personal or health data (`email`, `diagnosis`). */
  bodyFields?: readonly string[];
  /** Literal secret values scrubbed from any string (credentials in use). */
  secrets?: readonly string[];
}

/** Objects nested deeper than this are replaced whole. */
const MAX_DEPTH = 32;

/**
 * Keeps credentials and configured personal or health data out of everything Faultline
 * writes: events, errors, event logs and reports. It works three ways, because a secret can
 * arrive three ways:
 *
 * 1. by name: a header or JSON field whose name is secret (defaults + configured + names
 *    containing "token", "secret", "api-key", ...) has its value replaced by `[REDACTED]`;
 * 2. by value: any string containing a registered secret (the API key, the OAuth2 token in
 *    use) has it replaced, wherever it appears (an error message, an echoed body);
 * 3. by shape: `Bearer xxx` / `Basic xxx` credentials, JSON text `"password":"..."`,
 *    secret-named query or form parameters (`?access_token=...`, `&client_secret=...`) and
 *    URL credentials (`https://user:pass@host` -> `https://[REDACTED]@host`) inside strings.
 *
 * `value()` returns a redacted deep copy (never mutates), so it is safe on live objects.
 *
 * @example
 * const r = new Redactor({ bodyFields: ['ssn'], secrets: [apiKey] });
 * r.value({ headers: { authorization: 'Bearer x' }, body: { ssn: '1' } });
 * // { headers: { authorization: '[REDACTED]' }, body: { ssn: '[REDACTED]' } }
 */
export class Redactor {
  private readonly names: Set<string>;
  private readonly secretValues = new Set<string>();
  private secretPattern: RegExp | undefined;
  private readonly jsonFieldPattern: RegExp;
  private readonly paramPattern: RegExp;

  constructor(options: RedactorOptions = {}) {
    this.names = new Set(
      [
        ...DEFAULT_REDACTED_HEADERS,
        ...DEFAULT_REDACTED_FIELDS,
        ...(options.headers ?? []),
        ...(options.bodyFields ?? []),
      ].map(normalizeName),
    );
    for (const s of options.secrets ?? []) this.addSecret(s);
    const extra = [...(options.headers ?? []), ...(options.bodyFields ?? [])].map(escapeRegExp);
    // "name": "value" (or a number/bool) inside JSON text, for secret-looking or configured names.
    // Name parts are bounded ({0,64}) so a long run of text cannot make the search quadratic.
    const names = [
      '[^"]{0,64}(?:api[-_]?key|token|secret|passw(?:or)?d|authorization|cookie|credential)[^"]{0,64}',
      ...extra,
    ];
    this.jsonFieldPattern = new RegExp(
      `("(?:${names.join('|')})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|-?[\\d.eE+-]+|true|false)`,
      'gi',
    );
    // name=value in a query string or form body: after ?, & or ; (or at the start of a word),
    // the value up to the next separator. Names as for JSON fields, plus the default field names.
    const paramNames = [
      '[\\w.~-]{0,64}(?:api[-_]?key|token|secret|passw(?:or)?d|authorization|cookie|credential)[\\w.~-]{0,64}',
      ...DEFAULT_REDACTED_FIELDS.map(escapeRegExp),
      ...extra,
    ];
    this.paramPattern = new RegExp(`((?:^|[?&;\\s"'(])(?:${paramNames.join('|')})=)[^&#;\\s"'<>)]+`, 'gi');
  }

  /** Registers a literal value to scrub from every string from now on. */
  addSecret(value: string | undefined): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || this.secretValues.has(value)) return;
    this.secretValues.add(value);
    // Longest first, so a secret that contains another is removed whole.
    const sorted = [...this.secretValues].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.secretPattern = new RegExp(sorted.join('|'), 'g');
  }

  /** True when a header or field of this name must not be shown. */
  isSecretName(name: string): boolean {
    const normalized = normalizeName(name);
    return this.names.has(normalized) || SECRET_NAME_PATTERN.test(name.toLowerCase());
  }

  /** A string with every known secret, credential and secret JSON field scrubbed. */
  text(s: string): string {
    let out = s;
    if (this.secretPattern !== undefined) out = out.replace(this.secretPattern, REDACTED);
    out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/g, `$1 ${REDACTED}`);
    if (out.includes('"')) out = out.replace(this.jsonFieldPattern, `$1"${REDACTED}"`);
    if (out.includes('=')) out = out.replace(this.paramPattern, `$1${REDACTED}`);
    if (out.includes('@')) out = out.replace(URL_USERINFO, `$1${REDACTED}@`);
    return out;
  }

  /** Headers with secret values replaced (names kept). */
  headers<H extends Record<string, unknown>>(headers: H): H {
    return this.value(headers) as H;
  }

  /** A redacted deep copy of any value: objects, arrays, errors, strings, bytes. */
  value(input: unknown): unknown {
    return this.walk(input, 0, new WeakSet());
  }

  private walk(v: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof v === 'string') return this.text(v);
    if (typeof v !== 'object' || v === null) return v;
    if (seen.has(v)) return '[Circular]';
    if (depth >= MAX_DEPTH) return REDACTED;
    seen.add(v);
    try {
      if (v instanceof Uint8Array) {
        // Bytes are shown as text only after scrubbing; binary data is left out.
        const text = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8');
        return this.text(text);
      }
      if (Array.isArray(v)) return v.map((x) => this.walk(x, depth + 1, seen));
      const out: Record<string, unknown> = {};
      if (v instanceof Error) {
        out.name = v.name;
        out.message = this.text(v.message);
        if (v.stack !== undefined) out.stack = this.text(v.stack);
        if (v.cause !== undefined) out.cause = this.walk(v.cause, depth + 1, seen);
      }
      for (const [key, value] of Object.entries(v)) {
        out[key] =
          this.isSecretName(key) && value !== undefined ? REDACTED : this.walk(value, depth + 1, seen);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  }
}

/**
 * `scheme://userinfo@` of a URL: the userinfo (user, or user:password) is a credential. The
 * userinfo may not contain '/', '?', '#' or whitespace, which keeps an e-mail address in a
 * path (`/users/ann@example.com`) out of it.
 */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
