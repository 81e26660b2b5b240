import type { Scenario } from './scenario-schema.ts';

/**
 * The clock a scenario runs on. `auto` is virtual when every fault is http-level (they
 * are injected in the client's transport, so time can be simulated) and real as soon as
 * one tcp fault needs the Toxiproxy proxy and real sockets. (For a service with no reference
 * service the loader has already pinned `auto` to `real`: load-scenario-file.ts.)
 *
 * @example
 * resolveScenarioMode(scenario); // 'virtual'
 */
export function resolveScenarioMode(scenario: Pick<Scenario, 'mode' | 'phases'>): 'real' | 'virtual' {
  if (scenario.mode !== 'auto') return scenario.mode;
  const hasTcp = scenario.phases.some((phase) => phase.faults.some((fault) => fault.tcp !== undefined));
  return hasTcp ? 'real' : 'virtual';
}
