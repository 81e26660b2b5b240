import type { ClientOptions, ResilientClient } from '../client/client-types.ts';
import { createClient } from '../client/create-client.ts';

/**
 * What an adapter is built from: a ResilientClient the caller owns (shared, configured,
 * observed by the caller), or ClientOptions from which the adapter creates and owns one.
 */
export type AdapterClient = ResilientClient | ClientOptions;

/** The client an adapter talks through, and how to release it when the adapter closes. */
export interface ResolvedAdapterClient {
  readonly client: ResilientClient;
  /** Closes the client only when the adapter created it; a caller's client stays open. */
  release(): Promise<void>;
}

/**
 * Resolves an adapter's `client` argument.
 *
 * @example
 * const { client, release } = resolveAdapterClient({ service: 'search', baseUrl: url });
 */
export function resolveAdapterClient(input: AdapterClient): ResolvedAdapterClient {
  if (isResilientClient(input)) {
    return { client: input, release: async () => {} };
  }
  const client = createClient(input);
  return { client, release: () => client.close() };
}

function isResilientClient(input: AdapterClient): input is ResilientClient {
  return typeof (input as Partial<ResilientClient>).request === 'function';
}
