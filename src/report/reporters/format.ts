/** Small shared formatters so every reporter prints numbers the same way. */

/** "12.3 ms", "1.52 s", or "-" for null. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '-';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${Number(ms.toFixed(ms < 10 ? 2 : 1))} ms`;
}

/** "99.5%", or "-" for null. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '-';
  const percent = rate * 100;
  return `${percent === 100 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** "1.23", or "-" for null. */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.toFixed(2);
}
