import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ContractsError } from './contracts-error.ts';

/** The parts of a pact file verification needs. */
export interface PactFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, for messages. */
  displayPath: string;
  consumer: string;
  provider: string;
  interactions: Array<{ description: string; states: string[] }>;
}

/**
 * Expands files and directories (a directory contributes its `*.json` files, not
 * recursively) and reads each pact's consumer, provider and interactions.
 *
 * @example
 * const pacts = await readPactFiles(['contracts'], process.cwd());
 */
export async function readPactFiles(paths: readonly string[], cwd: string): Promise<PactFile[]> {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      throw new ContractsError(
        'FAULTLINE_CONTRACTS_NOT_FOUND',
        `Failed to read pacts: ${given} does not exist. Pass a pact file or a directory of pact files.`,
      );
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return Promise.all([...new Set(files)].map((path) => readPactFile(path, cwd)));
}

async function readPactFile(path: string, cwd: string): Promise<PactFile> {
  const displayPath = relative(cwd, path) || path;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `Failed to read pact ${displayPath}: ${err instanceof Error ? err.message : String(err)}. A pact file is JSON written by a Pact consumer test.`,
      err,
    );
  }
  const pact = json as {
    consumer?: { name?: unknown };
    provider?: { name?: unknown };
    interactions?: Array<{
      description?: unknown;
      providerState?: unknown;
      providerStates?: Array<{ name?: unknown }>;
    }>;
  };
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  if (typeof consumer !== 'string' || typeof provider !== 'string' || !Array.isArray(pact.interactions)) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `${displayPath}: expected a pact with consumer.name, provider.name and interactions, got ${JSON.stringify({ consumer, provider })}. Is it a pact file?`,
    );
  }
  return {
    path,
    displayPath,
    consumer,
    provider,
    interactions: pact.interactions.map((i) => ({
      description: String(i.description ?? ''),
      states: [
        ...(typeof i.providerState === 'string' ? [i.providerState] : []),
        ...(i.providerStates ?? []).map((s) => String(s.name ?? '')),
      ],
    })),
  };
}
