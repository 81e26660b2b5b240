/**
 * Makes text from users (scenario names, phase names, error messages, paths, argv) safe to
 * print on a terminal: every control character is shown as a visible escape instead of
 * being obeyed. A scenario named `x\u001b[2J` would otherwise clear the screen, and
 * `\r` or a bidi override would make a line lie about what it says.
 *
 * Escaped: C0 controls (except tab, and newline when `keepNewlines`), DEL, C1 controls, and
 * the Unicode bidi overrides and isolates (U+202A..U+202E, U+2066..U+2069) and line/paragraph
 * separators (U+2028, U+2029).
 *
 * Every console writer uses this one function: the console reporter on the whole run
 * result (escapeControlDeep), the CLI on what it prints of user input.
 *
 * @example
 * escapeControl('a\u001b[2Jb'); // 'a\\x1b[2Jb'
 * escapeControl('one\ntwo', { keepNewlines: true }); // 'one\ntwo'
 */
export function escapeControl(text: string, options: { keepNewlines?: boolean } = {}): string {
  const pattern = options.keepNewlines ? CONTROL_KEEP_NEWLINES : CONTROL;
  return text.replace(pattern, visible);
}

/**
 * A copy of `value` with escapeControl applied to every string in it (newlines kept: a
 * multi-line message stays readable, but nothing in it can move the cursor or recolour).
 *
 * @example
 * consoleReporter.render(escapeControlDeep(result));
 */
export function escapeControlDeep<T>(value: T): T {
  return deep(value, new WeakMap()) as T;
}

// Built without literal control characters so the source stays printable.
const RANGES = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${RANGES}\\u000a]`, 'gu');
const CONTROL_KEEP_NEWLINES = new RegExp(`[${RANGES}]`, 'gu');

function visible(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

function deep(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return escapeControl(value, { keepNewlines: true });
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(deep(item, seen));
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) out[key] = deep(item, seen);
  return out;
}
