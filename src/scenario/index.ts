/**
 * `faultline/scenario`: the programmatic form of `faultline run`, `faultline check` and
 * `faultline new scenario`: the registry (faultline.config.yaml), scenario files, the runner,
 * the policy invariants, and the types a custom client adapter implements
 * (docs/custom-client.md). Loads MSW, fast-check and zod on import.
 *
 * @example
 * import { runScenarios } from 'faultline/scenario';
 * const summary = await runScenarios({ cwd: process.cwd(), files: ['scenarios/payments-outage.yaml'] });
 * process.exitCode = summary.exitCode;
 */

export type { CheckSummary, PropertyCheckResult } from '../check/check-result.ts';
export type { RunChecksOptions } from '../check/run-checks.ts';
export { runChecks } from '../check/run-checks.ts';
export type {
  BreakerConfig,
  ClientConfig,
  FallbackConfig,
  RetryConfig,
} from '../config/client-config-schema.ts';
export { ConfigInvalidError } from '../config/config-invalid-error.ts';
export type {
  FaultlineConfig,
  ReferenceServiceName,
  RequestDefaults,
  ServiceEntry,
} from '../config/faultline-config-schema.ts';
export type { LoadFaultlineConfigOptions } from '../config/load-faultline-config.ts';
export {
  FAULTLINE_CONFIG_FILE,
  loadFaultlineConfig,
  parseFaultlineConfig,
} from '../config/load-faultline-config.ts';
export type { ServiceClientOptions } from '../config/resolve-service-client-options.ts';
export { resolveServiceClientOptions } from '../config/resolve-service-client-options.ts';
export type { InitProjectOptions, InitProjectResult } from '../init/init-project.ts';
export { initProject } from '../init/init-project.ts';
export type { LoadResponse, LoadTarget } from './load/load-target.ts';
export type { ClientFactory } from './load-client-module.ts';
export type { LoadedScenario, LoadScenarioFileOptions } from './load-scenario-file.ts';
export { checkScenarioFile, loadScenarioFile, parseScenario } from './load-scenario-file.ts';
export type { LoadScenariosOptions } from './load-scenarios.ts';
export { DEFAULT_SCENARIO_GLOB, loadScenarios } from './load-scenarios.ts';
export type { RunScenarioOptions, ScenarioOutcome, ScenarioProgress } from './run-scenario.ts';
export { runScenario } from './run-scenario.ts';
export type { RunScenariosOptions, RunSummary } from './run-scenarios.ts';
export { runScenarios } from './run-scenarios.ts';
export type { ScaffoldScenarioOptions, ScenarioTemplate } from './scaffold-scenario.ts';
export { SCENARIO_TEMPLATES, ScenarioExistsError, scaffoldScenario } from './scaffold-scenario.ts';
export type { ScenarioEnvironment } from './scenario-environment.ts';
export { ScenarioInvalidError } from './scenario-invalid-error.ts';
export { ScenarioNotFoundError } from './scenario-not-found-error.ts';
export type { DelayDistribution, DelaySpec } from './schema/delay-spec-schema.ts';
export type { Fault } from './schema/fault-schema.ts';
export type { HttpFault, HttpFaultEffect, HttpMethodName } from './schema/http-fault-schema.ts';
export type {
  Hypothesis,
  HypothesisKind,
  HypothesisSpec,
  LatencyPercentile,
} from './schema/hypothesis-schema.ts';
export type { LoadSpec, RequestSpec } from './schema/load-spec-schema.ts';
export type { Phase } from './schema/phase-schema.ts';
export type { Scenario, ScenarioInput, ScenarioMode } from './schema/scenario-schema.ts';
export type {
  TcpDownFault,
  TcpFault,
  TcpToxicFault,
  ToxicAttributes,
  ToxicStream,
  ToxicType,
} from './schema/tcp-fault-schema.ts';
