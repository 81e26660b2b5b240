import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** This package's version from package.json (read once), or 'unknown'. */
export function faultlineVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    cached = pkg.version ?? 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}
