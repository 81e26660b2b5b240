import type { VerifierOptions } from '@pact-foundation/pact';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import type { RequestFilter } from './request-filter.ts';

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
   * provider states go to `stateUrl` (default its `POST /_faultline/state`). Needs a
   * single provider.
   */
  baseUrl?: string;
  /**
   * The provider's own state-change endpoint, called with Pact's body
   * `{ state, params, action }`; a JSON object it answers to a setup reaches the verifier
   * (`fromProviderState`). Needs a single provider.
   * @default the registry entry's `stateUrl`, else `<provider url>/_faultline/state`
   */
  stateUrl?: string;
  /** Headers added to every request sent to the provider, e.g. `{ authorization: 'Bearer ...' }`. */
  headers?: Record<string, string>;
  /** Changes each request before it reaches the provider (pact-js `requestFilter` shape). */
  requestFilter?: RequestFilter;
  /**
   * Receives what the Pact verifier prints (its own report and logs), which never goes
   * to stdout. @default dropped (`faultline verify --verbose` sends it to stderr)
   */
  onVerifierOutput?: (text: string) => void;
  /** Fetch pacts from a Pact Broker instead of files. */
  broker?: BrokerOptions;
  /** Pact core log level, printed through `onVerifierOutput`. @default 'error' */
  logLevel?: VerifierLogLevel;
  /** Time the verifier waits for each provider response, in ms. @default 10000 */
  timeoutMs?: number;
}

/** Log levels of the Pact verifier. */
export const VERIFIER_LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type VerifierLogLevel = (typeof VERIFIER_LOG_LEVELS)[number];

/** Defaults of the verifier options, in one place. */
export const VERIFY_DEFAULTS = {
  /** Pact core log level. */
  logLevel: 'error',
  /** Per-request timeout of the verifier, ms. */
  timeoutMs: 10_000,
} as const satisfies Pick<VerifyPactsOptions, 'logLevel' | 'timeoutMs'>;
