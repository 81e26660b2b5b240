import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientOptions } from '../client/client-types.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { LoadTarget } from './load/load-target.ts';

const TYPESCRIPT = /\.[cm]?ts$/;

/** Builds the client under test from the options the runner resolved for a scenario. */
export type ClientFactory = (options: ClientOptions) => LoadTarget;

/**
 * Loads a user's client adapter (`faultline run --client ./my-client.ts`, documented in
 * docs/custom-client.md): a module whose default export (or `createClient` export) is a
 * function `(options: ClientOptions) => { request(req), close(), ... }`. JavaScript modules
 * load with a plain `import()`; TypeScript modules (.ts, .mts, .cts) through tsx's scoped
 * `tsImport`, the one place the installed package uses tsx (decision 0001).
 *
 * @example
 * const factory = await loadClientModule('./my-client.ts', process.cwd());
 */
export async function loadClientModule(file: string, cwd: string): Promise<ClientFactory> {
  const absolute = path.resolve(cwd, file);
  let mod: { default?: unknown; createClient?: unknown };
  try {
    mod = TYPESCRIPT.test(absolute)
      ? await (await import('tsx/esm/api')).tsImport(pathToFileURL(absolute).href, import.meta.url)
      : await import(pathToFileURL(absolute).href);
  } catch (err) {
    throw new FaultlineError(
      'FAULTLINE_CLIENT_MODULE_INVALID',
      `Failed to load the client module ${file}: ${(err as Error).message}. Pass a path to a .ts or .js module (docs/custom-client.md).`,
      { cause: err },
    );
  }
  const factory = typeof mod.default === 'function' ? mod.default : mod.createClient;
  if (typeof factory !== 'function') {
    throw new FaultlineError(
      'FAULTLINE_CLIENT_MODULE_INVALID',
      `Failed to load the client module ${file}: expected a default export (or an export "createClient") that is a function (options) => client, got ${typeof factory}. See docs/custom-client.md.`,
    );
  }
  return (options) => {
    const client = factory(options) as LoadTarget;
    if (typeof client?.request !== 'function' || typeof client.close !== 'function') {
      throw new FaultlineError(
        'FAULTLINE_CLIENT_MODULE_INVALID',
        `The client module ${file} returned an object without request() and close() (docs/custom-client.md).`,
      );
    }
    return client;
  };
}
