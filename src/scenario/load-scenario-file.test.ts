import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInFaultlineConfig } from '../config/default-faultline-config.ts';
import { formatInputIssue } from '../config/yaml/input-issue.ts';
import { loadScenarioFile, parseScenario } from './load-scenario-file.ts';
import { ScenarioInvalidError } from './scenario-invalid-error.ts';
import { resolveScenarioMode } from './schema/resolve-scenario-mode.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('loadScenarioFile', () => {
  it("loads the issue's example scenario as written", async () => {
    const scenario = await loadScenarioFile('scenarios/inference-outage.yaml', builtInFaultlineConfig(), {
      cwd: root,
    });
    expect(scenario.file).toBe('scenarios/inference-outage.yaml');
    expect(scenario.name).toBe('inference outage opens the breaker and recovers');
    expect(scenario.seed).toBe(42);
    expect(scenario.load.request).toEqual({
      method: 'POST',
      path: '/v1/predict',
      json: { model: 'risk-v1', inputs: { text: 'hello' } },
    });
    expect(scenario.phases.map((p) => [p.name, p.durationMs, p.faults])).toEqual([
      ['steady', 2000, []],
      ['outage', 3000, [{ tcp: { down: true } }]],
      ['recovery', 3000, []],
    ]);
    expect(scenario.hypotheses).toHaveLength(7);
    expect(scenario.hypotheses[1]).toEqual({ phase: 'outage', breaker: { opensWithinCalls: 10 } });
  });

  it('shows the path relative to cwd even when given an absolute path', async () => {
    const scenario = await loadScenarioFile(
      `${root}/scenarios/inference-outage.yaml`,
      builtInFaultlineConfig(),
      {
        cwd: root,
      },
    );
    expect(scenario.file).toBe('scenarios/inference-outage.yaml');
  });

  it('reports an unreadable file as an issue of that file', async () => {
    const error = await loadScenarioFile('scenarios/missing.yaml', builtInFaultlineConfig(), {
      cwd: root,
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ScenarioInvalidError);
    expect((error as ScenarioInvalidError).message).toContain(
      'scenarios/missing.yaml:1:1 cannot read the scenario file (ENOENT)',
    );
  });

  it('collects every issue of a file, in file order, with key positions for unknown keys', () => {
    const text = [
      'name: x', //                                   1
      'service: inference', //                        2
      'client: { retries: 3, timeoutMs: fast }', //    3
      'load: { request: { path: /a } }', //            4
      'phases:', //                                    5
      '  - name: a', //                                6
      '    durationMs: 10', //                         7
      '    faults:', //                                8
      '      - http: { status: 700 }', //              9
      'hypotheses:', //                                10
      '  - { phase: b, calls: { max: 1 } }', //        11
      '',
    ].join('\n');
    const result = parseScenario(text, 'x.yaml', builtInFaultlineConfig());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatInputIssue)).toEqual([
      'x.yaml:3:11 client.retries: unknown key "retries" (did you mean "retry"?)',
      'x.yaml:3:34 client.timeoutMs: expected a number of milliseconds > 0, got "fast"',
      'x.yaml:9:25 phases[0].faults[0].http.status: expected an HTTP status code 100..599, got 700',
      'x.yaml:11:14 hypotheses[0].phase: no phase named "b" (phases: a)',
    ]);
  });

  it('reports duplicate keys as YAML errors instead of silently keeping the last one', () => {
    const result = parseScenario('name: a\nname: b\n', 'd.yaml', builtInFaultlineConfig());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatInputIssue)).toEqual([
      'd.yaml:2:1 YAML syntax error: Map keys must be unique',
    ]);
  });

  it('calls an empty YAML value an empty value, not a missing field', () => {
    const text =
      'name: n\nservice: search\nload: { request: { path: /v1/search } }\nphases:\n  - name: a\n    durationMs: 5\n    faults:\n';
    const result = parseScenario(text, 'n.yaml', builtInFaultlineConfig());
    expect(result.ok ? [] : result.issues.map(formatInputIssue)).toEqual([
      'n.yaml:7:12 phases[0].faults: expected a list of faults, got an empty value',
    ]);
  });

  it('rejects a service that has neither a reference service nor a baseUrl', () => {
    const text =
      'name: t\nservice: toxiproxy\nload: { request: { path: / } }\nphases: [{ name: a, durationMs: 1 }]\n';
    const result = parseScenario(text, 't.yaml', builtInFaultlineConfig());
    expect(result.ok ? [] : result.issues.map(formatInputIssue)).toEqual([
      't.yaml:2:10 service: service "toxiproxy" cannot be called: its registry entry has neither "reference" nor "baseUrl"',
    ]);
  });
  it('rejects mode: virtual for a service with no reference service, and runs auto in real time', () => {
    const config = {
      ...builtInFaultlineConfig(),
      services: {
        ...builtInFaultlineConfig().services,
        payments: { provider: 'payments', pact: 'p.json', baseUrl: 'http://127.0.0.1:9' },
      },
    };
    const body =
      'service: payments\nload: { request: { path: / } }\nphases: [{ name: a, durationMs: 1, faults: [{ http: { status: 503 } }] }]\n';
    const virtual = parseScenario(`name: v\nmode: virtual\n${body}`, 'v.yaml', config);
    expect(virtual.ok ? [] : virtual.issues.map(formatInputIssue)).toEqual([
      'v.yaml:2:7 mode: mode: virtual serves the service in-process, but "payments" has no "reference" service in the registry (only baseUrl http://127.0.0.1:9); use mode: real or auto to call it over the network',
    ]);
    const auto = parseScenario(`name: a\n${body}`, 'a.yaml', config);
    expect(auto.ok && resolveScenarioMode(auto.scenario)).toBe('real');
    const reference = parseScenario(`name: r\n${body.replace('payments', 'inference')}`, 'r.yaml', config);
    expect(reference.ok && resolveScenarioMode(reference.scenario)).toBe('virtual');
  });

  it('loads the client features, upstreams, endpoint faults and the new hypothesis kinds', () => {
    const text = [
      'name: features',
      'service: inference',
      'upstreams: 3',
      'client:',
      '  bulkhead: { maxConcurrent: 4, maxQueue: 4 }',
      '  rateLimit: { ratePerSec: 20, maxWaitMs: 3000 }',
      '  hedging: { delayMs: p95, minSamples: 10 }',
      '  loadBalancing: least-outstanding',
      '  outlierDetection: { consecutiveFailures: 5, baseEjectionMs: 60000 }',
      '  healthCheck: { path: /healthz, intervalMs: 1000 }',
      'load: { request: { path: /v1/predict } }',
      'phases:',
      '  - name: a',
      '    durationMs: 10',
      '    faults:',
      '      - http: { endpoint: 2, status: 503 }',
      'hypotheses:',
      '  - { phase: a, errors: { code: FAULTLINE_BULKHEAD_FULL, min: 1 } }',
      '  - { phase: a, upstreamShare: { endpoint: 2, max: 0.1 } }',
      '',
    ].join('\n');
    const result = parseScenario(text, 'f.yaml', builtInFaultlineConfig());
    expect(result.ok ? [] : result.issues.map(formatInputIssue)).toEqual([]);
    if (!result.ok) return;
    const scenario = result.scenario;
    expect(scenario.upstreams).toBe(3);
    expect(scenario.client).toEqual({
      bulkhead: { maxConcurrent: 4, maxQueue: 4 },
      rateLimit: { ratePerSec: 20, maxWaitMs: 3000 },
      hedging: { delayMs: 'p95', minSamples: 10 },
      loadBalancing: 'least-outstanding',
      outlierDetection: { consecutiveFailures: 5, baseEjectionMs: 60000 },
      healthCheck: { path: '/healthz', intervalMs: 1000 },
    });
    expect(scenario.phases[0]!.faults[0]!.http).toMatchObject({ endpoint: 2, status: 503 });
    expect(scenario.hypotheses).toEqual([
      { phase: 'a', errors: { code: 'FAULTLINE_BULKHEAD_FULL', min: 1 } },
      { phase: 'a', upstreamShare: { endpoint: 2, max: 0.1 } },
    ]);
  });

  it('defaults upstreams to 1 and rejects an endpoint beyond it, and bad new fields, with human messages', () => {
    const text = [
      'name: bad', //                                                            1
      'service: search', //                                                      2
      'client:', //                                                              3
      '  hedging: { maxHedges: 0 }', //                                          4
      '  healthCheck: { path: healthz }', //                                     5
      '  outlierDetection: { baseEjectionMs: 1000, maxEjectionMs: 10 }', //      6
      'load: { request: { path: /v1/search } }', //                              7
      'phases:', //                                                              8
      '  - name: a', //                                                          9
      '    durationMs: 10', //                                                   10
      '    faults:', //                                                          11
      '      - http: { endpoint: 2, status: 503 }', //                           12
      'hypotheses:', //                                                          13
      '  - { errors: { code: bulkhead } }', //                                   14
      '  - { upstreamShare: { endpoint: 1, max: 2 } }', //                       15
      '',
    ].join('\n');
    const result = parseScenario(text, 'b.yaml', builtInFaultlineConfig());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatInputIssue)).toEqual([
      'b.yaml:4:25 client.hedging.maxHedges: expected an integer >= 1, got 0',
      'b.yaml:5:24 client.healthCheck.path: expected a path starting with "/", e.g. "/healthz", got "healthz"',
      'b.yaml:6:60 client.outlierDetection.maxEjectionMs: expected maxEjectionMs >= baseEjectionMs (1000), got 10',
      'b.yaml:12:27 phases[0].faults[0].http.endpoint: expected an upstream instance number 1..1 (the scenario has upstreams: 1), got 2; raise upstreams or target an existing instance',
      'b.yaml:14:15 hypotheses[0].errors: expected at least one of min, max, got none',
      'b.yaml:14:23 hypotheses[0].errors.code: expected an error code such as "FAULTLINE_BULKHEAD_FULL", got "bulkhead"',
      'b.yaml:15:42 hypotheses[1].upstreamShare.max: expected a share between 0 and 1, got 2',
    ]);
  });
});
