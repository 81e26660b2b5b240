import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULTLINE_CONFIG } from '../config/default-faultline-config.ts';
import { formatInputIssue } from '../config/yaml/input-issue.ts';
import { loadScenarioFile, parseScenario } from './load-scenario-file.ts';
import { ScenarioInvalidError } from './scenario-invalid-error.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('loadScenarioFile', () => {
  it("loads the issue's example scenario as written", async () => {
    const scenario = await loadScenarioFile('scenarios/inference-outage.yaml', DEFAULT_FAULTLINE_CONFIG, {
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
    expect(scenario.hypotheses).toHaveLength(5);
    expect(scenario.hypotheses[1]).toEqual({ phase: 'outage', breaker: { opensWithinCalls: 10 } });
  });

  it('shows the path relative to cwd even when given an absolute path', async () => {
    const scenario = await loadScenarioFile(
      `${root}/scenarios/inference-outage.yaml`,
      DEFAULT_FAULTLINE_CONFIG,
      {
        cwd: root,
      },
    );
    expect(scenario.file).toBe('scenarios/inference-outage.yaml');
  });

  it('reports an unreadable file as an issue of that file', async () => {
    const error = await loadScenarioFile('scenarios/missing.yaml', DEFAULT_FAULTLINE_CONFIG, {
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
    const result = parseScenario(text, 'x.yaml', DEFAULT_FAULTLINE_CONFIG);
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
    const result = parseScenario('name: a\nname: b\n', 'd.yaml', DEFAULT_FAULTLINE_CONFIG);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatInputIssue)).toEqual([
      'd.yaml:2:1 YAML syntax error: Map keys must be unique',
    ]);
  });

  it('calls an empty YAML value an empty value, not a missing field', () => {
    const text =
      'name: n\nservice: search\nload: { request: { path: /v1/search } }\nphases:\n  - name: a\n    durationMs: 5\n    faults:\n';
    const result = parseScenario(text, 'n.yaml', DEFAULT_FAULTLINE_CONFIG);
    expect(result.ok ? [] : result.issues.map(formatInputIssue)).toEqual([
      'n.yaml:7:12 phases[0].faults: expected a list of faults, got an empty value',
    ]);
  });

  it('rejects a service that has neither a reference service nor a baseUrl', () => {
    const text =
      'name: t\nservice: toxiproxy\nload: { request: { path: / } }\nphases: [{ name: a, durationMs: 1 }]\n';
    const result = parseScenario(text, 't.yaml', DEFAULT_FAULTLINE_CONFIG);
    expect(result.ok ? [] : result.issues.map(formatInputIssue)).toEqual([
      't.yaml:2:10 service: service "toxiproxy" cannot be called: its registry entry has neither "reference" nor "baseUrl"',
    ]);
  });
});
