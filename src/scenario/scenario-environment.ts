import type { ClientOptions } from '../client/client-types.ts';
import type { ServiceHandler } from '../services/service-handler.ts';
import type { LoadTarget } from './load/load-target.ts';

/**
 * What a scenario runs against, shared by every scenario of a run: where the reference
 * services are (real mode), their pure handlers (virtual mode), the Toxiproxy API, and how
 * the client under test is made (the reference client or a user's adapter).
 */
export interface ScenarioEnvironment {
  /** Base URL of a reference service running over HTTP (real mode). */
  serviceUrl(reference: string): string | undefined;
  /** A fresh in-process handler of a reference service (virtual mode). */
  serviceHandler(reference: string): ServiceHandler;
  /**
   * Start of the name of every Toxiproxy proxy the run creates (proxy-owner.ts), so that a
   * later run can sweep what a killed one left. @default "faultline-"
   */
  proxyNamePrefix?: string;
  /** Toxiproxy admin API; `external` = a real Toxiproxy chosen by URL. */
  toxiproxy?: { url: string; external: boolean };
  /** Builds the client under test. */
  createClient(options: ClientOptions): LoadTarget;
  /** Whether the client is the reference one (breaker and fallback evidence is complete). */
  customClient: boolean;
  /** The `--client` module as given, for the report and the replay command. */
  clientModule?: string;
}
