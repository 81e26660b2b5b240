import { didYouMean } from '../config/did-you-mean.ts';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { asRecord } from '../config/fields.ts';
import type { FlatIssue } from '../config/yaml/zod-issues.ts';

/**
 * The rules of a scenario that need the whole file or the registry, checked on the raw
 * YAML value (it may be partly invalid, so everything is read defensively):
 * - `service` is a registry key that can be called (has a reference service or a baseUrl);
 * - `mode: virtual` needs a reference service (virtual time serves it in-process);
 * - phase names are unique;
 * - a hypothesis's `phase` names a phase of the scenario;
 * - `mode: virtual` has no tcp fault (tcp faults need real sockets and real time);
 * - a fault's `endpoint` (and an `upstreamShare` hypothesis's) is at most `upstreams`.
 */
export function scenarioCrossChecks(raw: unknown, config: FaultlineConfig): FlatIssue[] {
  const scenario = asRecord(raw);
  if (!scenario) return [];
  const issues: FlatIssue[] = [];
  const issue = (path: PropertyKey[], message: string) => issues.push({ path, message, target: 'value' });

  const service = scenario.service;
  if (typeof service === 'string' && service !== '') {
    const keys = Object.keys(config.services);
    const entry = config.services[service];
    if (!entry) {
      const guess = didYouMean(service, keys);
      const hint = guess ? `did you mean "${guess}"? ` : '';
      issue(
        ['service'],
        `unknown service "${service}" (${hint}services in the registry: ${keys.join(', ')})`,
      );
    } else if (entry.reference === undefined && entry.baseUrl === undefined) {
      issue(
        ['service'],
        `service "${service}" cannot be called: its registry entry has neither "reference" nor "baseUrl"`,
      );
    } else if (entry.reference === undefined && scenario.mode === 'virtual') {
      issue(
        ['mode'],
        `mode: virtual serves the service in-process, but "${service}" has no "reference" service in the ` +
          `registry (only baseUrl ${entry.baseUrl}); use mode: real or auto to call it over the network`,
      );
    }
  }

  const phases = Array.isArray(scenario.phases) ? scenario.phases : [];
  const firstIndexByName = new Map<string, number>();
  phases.forEach((phase, index) => {
    const name = asRecord(phase)?.name;
    if (typeof name !== 'string' || name === '') return;
    const first = firstIndexByName.get(name);
    if (first === undefined) firstIndexByName.set(name, index);
    else issue(['phases', index, 'name'], `duplicate phase name "${name}" (phases[${first}] has it too)`);
  });

  const hypotheses = Array.isArray(scenario.hypotheses) ? scenario.hypotheses : [];
  const names = [...firstIndexByName.keys()];
  hypotheses.forEach((hypothesis, index) => {
    const phase = asRecord(hypothesis)?.phase;
    if (typeof phase !== 'string' || phase === '' || firstIndexByName.has(phase)) return;
    const guess = didYouMean(phase, names);
    const hint = guess ? `did you mean "${guess}"? ` : '';
    issue(['hypotheses', index, 'phase'], `no phase named "${phase}" (${hint}phases: ${names.join(', ')})`);
  });

  const upstreams = typeof scenario.upstreams === 'number' ? scenario.upstreams : 1;
  const checkEndpoint = (path: PropertyKey[], value: unknown) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value <= upstreams) return;
    issue(
      path,
      `expected an upstream instance number 1..${upstreams} (the scenario has upstreams: ${upstreams}), got ${value}; raise upstreams or target an existing instance`,
    );
  };
  phases.forEach((phase, p) => {
    const faults = asRecord(phase)?.faults;
    if (!Array.isArray(faults)) return;
    faults.forEach((fault, f) => {
      for (const level of ['tcp', 'http'] as const) {
        const endpoint = asRecord(asRecord(fault)?.[level])?.endpoint;
        checkEndpoint(['phases', p, 'faults', f, level, 'endpoint'], endpoint);
      }
    });
  });
  hypotheses.forEach((hypothesis, index) => {
    const endpoint = asRecord(asRecord(hypothesis)?.upstreamShare)?.endpoint;
    checkEndpoint(['hypotheses', index, 'upstreamShare', 'endpoint'], endpoint);
  });

  if (scenario.mode === 'virtual') {
    phases.forEach((phase, p) => {
      const faults = asRecord(phase)?.faults;
      if (!Array.isArray(faults)) return;
      faults.forEach((fault, f) => {
        if (asRecord(fault)?.tcp === undefined) return;
        issue(
          ['phases', p, 'faults', f, 'tcp'],
          'a tcp fault needs real sockets and real time, but the scenario sets mode: virtual ' +
            '(use mode: auto or real, or an http fault)',
        );
      });
    });
  }
  return issues;
}
