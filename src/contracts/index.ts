/**
 * `faultline/contracts`: provider verification of consumer pacts (docs/contracts.md), the
 * programmatic form of `faultline verify`. Loads the Pact FFI on import.
 *
 * @example
 * import { verifyPacts } from 'faultline/contracts';
 * import { loadFaultlineConfig } from 'faultline/scenario';
 * const result = await verifyPacts({ config: await loadFaultlineConfig(), baseUrl: 'http://127.0.0.1:3000' });
 */

export type { ContractResult, VerifyPactsResult } from './contract-result.ts';
export { ContractsError } from './contracts-error.ts';
export { verifyPacts } from './verify-pacts.ts';
export type { BrokerOptions, VerifyPactsOptions } from './verify-pacts-options.ts';
