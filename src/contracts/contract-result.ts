import type { ContractsEvent } from '../report/run-events.ts';

/** One verified interaction, as the `contracts` record of the event log carries it. */
export type ContractResult = ContractsEvent['results'][number];

/** What `verifyPacts` returns. */
export interface VerifyPactsResult {
  /** True when every interaction passed and there are no problems. */
  ok: boolean;
  /** One entry per interaction, in pact order. */
  results: ContractResult[];
  /**
   * Problems that fail the run without being an interaction: a registered service
   * without a pact file, a pact whose provider is not registered, a provider that is not
   * reachable (`provider NAME at URL is not reachable (ECONNREFUSED)`; not verified).
   */
  problems: string[];
}
