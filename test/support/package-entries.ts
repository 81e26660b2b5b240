import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One public entry point of the package, from package.json's `exports` (the single source). */
export interface PackageEntry {
  /** What users import: `faultline`, `faultline/proxy`, ... */
  specifier: string;
  /** Its source file, relative to the root (`src/proxy/index.ts`). */
  source: string;
  /** Its API report, relative to the root (`api/faultline-proxy.api.txt`). */
  report: string;
}

/** Every entry point of package.json `exports` that maps to compiled code. */
export function packageEntries(): PackageEntry[] {
  const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8')) as {
    name: string;
    exports: Record<string, string | { default: string }>;
  };
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string') return [];
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    return [
      {
        specifier,
        source: target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'),
        report: `api/${specifier.replace('/', '-')}.api.txt`,
      },
    ];
  });
}
