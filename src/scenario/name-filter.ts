/**
 * The scenario filter of `--grep`: a case-insensitive plain-text match, not a regular
 * expression. `|` separates alternatives: `--grep 'outage|slow'` keeps the scenarios whose
 * name contains "outage" or "slow".
 *
 * Why not a regular expression: JavaScript's regex engine backtracks, so a pattern such as
 * `^(a+)+$` against a long name runs for minutes on the main thread, where not even
 * SIGINT can stop it. Substring search is linear in the name and cannot hang; the
 * alternatives cover what --grep is used for in practice. (The programmatic API,
 * `loadScenarios({ grep: /re/ })`, still takes a RegExp of the caller's own.)
 *
 * @example
 * const keep = nameFilter('Outage|slow');
 * keep('inference outage opens the breaker'); // true
 */
export function nameFilter(pattern: string): (name: string) => boolean {
  const needles = pattern
    .split('|')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (needles.length === 0) return () => true;
  return (name) => {
    const haystack = name.toLowerCase();
    return needles.some((needle) => haystack.includes(needle));
  };
}
