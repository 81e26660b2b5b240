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
  /** Pact specification of the file, e.g. `2.0.0`, `3.0.0`, `4.0` (metadata), when it says. */
  specification?: string;
  interactions: PactInteraction[];
  /** Descriptions of message interactions, which `faultline verify` does not verify yet. */
  messages: string[];
}

/** One HTTP interaction: its description and provider states, with their parameters. */
export interface PactInteraction {
  description: string;
  /** State names in pact order (a V2 pact has at most one). */
  states: string[];
  /** Parameters of each state, same order as `states` (`{}` for a V2 state). */
  stateParams: Array<Record<string, unknown>>;
}

/**
 * Expands files and directories (a directory contributes its `*.json` files, not
 * recursively) and reads each pact's consumer, provider and interactions. Reads pacts of
 * spec V2 (`providerState`), V3 and V4 (`providerStates` with `params`), as pact-js 16
 * and 17 write them. Message interactions (V3 `messages`, V4 `Asynchronous/Messages` and
 * `Synchronous/Messages`) are listed apart (see `refuseMessagePacts`).
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
  const pact = json as RawPact;
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  const hasInteractions = Array.isArray(pact.interactions) || Array.isArray(pact.messages);
  if (typeof consumer !== 'string' || typeof provider !== 'string' || !hasInteractions) {
    throw new ContractsError(
      'FAULTLINE_CONTRACTS_INVALID',
      `${displayPath}: expected a pact with consumer.name, provider.name and interactions, got ${JSON.stringify({ consumer, provider })}. Is it a pact file?`,
    );
  }
  const messages = [
    ...(Array.isArray(pact.messages) ? pact.messages : []),
    ...(pact.interactions ?? []).filter((i) => typeof i.type === 'string' && i.type !== HTTP_INTERACTION),
  ];
  const spec = pact.metadata?.pactSpecification?.version ?? pact.metadata?.['pact-specification']?.version;
  return {
    path,
    displayPath,
    consumer,
    provider,
    ...(typeof spec === 'string' ? { specification: spec } : {}),
    interactions: (pact.interactions ?? [])
      .filter((i) => typeof i.type !== 'string' || i.type === HTTP_INTERACTION)
      .map(readInteraction),
    messages: messages.map((m) => String(m.description ?? '')),
  };
}

/** V4 names its HTTP interactions so; V2 and V3 interactions have no type. */
const HTTP_INTERACTION = 'Synchronous/HTTP';

interface RawPact {
  consumer?: { name?: unknown };
  provider?: { name?: unknown };
  metadata?: {
    pactSpecification?: { version?: unknown };
    'pact-specification'?: { version?: unknown };
  };
  interactions?: RawInteraction[];
  messages?: Array<{ description?: unknown }>;
}

interface RawInteraction {
  type?: unknown;
  description?: unknown;
  providerState?: unknown;
  providerStates?: Array<{ name?: unknown; params?: unknown }>;
}

function readInteraction(i: RawInteraction): PactInteraction {
  const states = [
    ...(typeof i.providerState === 'string' ? [{ name: i.providerState, params: {} }] : []),
    ...(Array.isArray(i.providerStates) ? i.providerStates : []).map((s) => ({
      name: String(s.name ?? ''),
      params:
        typeof s.params === 'object' && s.params !== null && !Array.isArray(s.params)
          ? (s.params as Record<string, unknown>)
          : {},
    })),
  ];
  return {
    description: String(i.description ?? ''),
    states: states.map((s) => s.name),
    stateParams: states.map((s) => s.params),
  };
}

/**
 * Throws `FAULTLINE_CONTRACTS_UNSUPPORTED` naming the first pact with message
 * interactions: the verifier would need a message producer Faultline cannot start.
 */
export function refuseMessagePacts(pacts: readonly PactFile[]): void {
  const pact = pacts.find((p) => p.messages.length > 0);
  if (!pact) return;
  const names = pact.messages
    .slice(0, 3)
    .map((m) => `"${m}"`)
    .join(', ');
  throw new ContractsError(
    'FAULTLINE_CONTRACTS_UNSUPPORTED',
    `${pact.displayPath}: message pacts are not supported yet by faultline verify (${pact.messages.length} message interaction(s): ${names}${pact.messages.length > 3 ? ', ...' : ''}); only HTTP request/response interactions are. Verify message pacts with pact-js (MessageProviderPact) and pass faultline verify only HTTP pacts (\`pacts\`).`,
  );
}
