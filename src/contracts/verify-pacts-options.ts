import type { VerifierOptions } from '@pact-foundation/pact';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';

/** Pact Broker source and publishing (docs/contracts.md). Used only when `url` is given. */
export interface BrokerOptions {
  /** Broker base URL. @default env PACT_BROKER_BASE_URL */
  url: string;
  /** Bearer token. @default env PACT_BROKER_TOKEN */
  token?: string;
  /** Which consumer versions to verify. @default the broker's default (latest from main branches) */
  consumerVersionSelectors?: VerifierOptions['consumerVersionSelectors'];
  /** Publish verification results to the broker (needs `providerVersion`). @default false */
  publish?: boolean;
  /** Provider version the results are published for, e.g. a git SHA. */
  providerVersion?: string;
  /** Provider branch the results are published for. */
  providerBranch?: string;
  /** Pending pacts do not fail the verification. @default false */
  enablePending?: boolean;
  /** Include work-in-progress pacts since this date (ISO-8601). */
  includeWipPactsSince?: string;
}

export interface VerifyPactsOptions {
  /** The service registry (faultline.config.yaml, via loadFaultlineConfig). */
  config: FaultlineConfig;
  /** Directory paths are resolved from. @default process.cwd() */
  cwd?: string;
  /**
   * Pact files or directories of pact files.
   * @default `contracts/` plus every `pact:` path of the registry that exists
   */
  pacts?: string[];
  /** Verify only this provider: a Pact provider name or a registry key. @default all */
  provider?: string;
  /**
   * Verify against this running provider instead of starting the reference services;
   * provider states go to its `POST /_faultline/state`. Needs a single provider.
   */
  baseUrl?: string;
  /** Fetch pacts from a Pact Broker instead of files. */
  broker?: BrokerOptions;
  /** Pact core log level. @default 'error' */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  /** Time the verifier waits for each provider response, in ms. @default 10000 */
  timeoutMs?: number;
}
