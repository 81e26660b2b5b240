import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContractsError } from './contracts-error.ts';
import type { RequestFilter } from './request-filter.ts';

/**
 * Loads `faultline verify --request-filter ./filter.ts`: a module whose default export
 * (or `requestFilter` export) is a pact-js style request filter `(req, res, next)`.
 * TypeScript modules load through tsx, like `--client`.
 *
 * @example
 * const filter = await loadRequestFilter('./pact/request-filter.ts', process.cwd());
 */
export async function loadRequestFilter(file: string, cwd: string): Promise<RequestFilter> {
  let mod: { default?: unknown; requestFilter?: unknown };
  try {
    mod = await import(pathToFileURL(path.resolve(cwd, file)).href);
  } catch (err) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `Failed to load the request filter ${file}: ${(err as Error).message}. Pass a path to a .ts or .js module (docs/contracts.md).`,
      err,
    );
  }
  const filter = typeof mod.default === 'function' ? mod.default : mod.requestFilter;
  if (typeof filter !== 'function') {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `Failed to load the request filter ${file}: expected a default export (or an export "requestFilter") that is a function (req, res, next), got ${typeof filter}. See docs/contracts.md.`,
    );
  }
  return filter as RequestFilter;
}
