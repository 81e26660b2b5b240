/**
 * Parses a `Retry-After` header value into a delay in ms from `nowEpochMs`.
 *
 * - delta-seconds (`"120"`, also `"1.5"`, which some servers send): that many seconds;
 * - an HTTP-date (`"Wed, 21 Oct 2015 07:28:00 GMT"`): the time until then, 0 if past;
 * - anything else (empty, negative, garbage): `undefined`, i.e. "no instruction".
 *
 * @example
 * parseRetryAfter('2', Date.now()); // 2000
 */
export function parseRetryAfter(value: string | undefined, nowEpochMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  // Only date-looking text goes to Date.parse, which would otherwise accept things like "1".
  if (!/[a-z]/i.test(text) || !/\d{1,2}:\d{2}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowEpochMs);
}
