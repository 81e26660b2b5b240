import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInFaultlineConfig } from '../../src/config/default-faultline-config.ts';
import { formatInputIssue } from '../../src/config/yaml/input-issue.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario-file.ts';
import { ScenarioInvalidError } from '../../src/scenario/scenario-invalid-error.ts';

/**
 * The corpus of invalid scenario files and the EXACT lines a user sees for each: position,
 * field path, what was expected and what was found. A change of wording or position shows
 * up here first.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = 'test/fixtures/invalid-scenarios';
const at = (file: string, rest: string) => `${dir}/${file}:${rest}`;

const expectedIssues: Record<string, string[]> = {
  'alias-bomb.yaml': [
    at(
      'alias-bomb.yaml',
      '4:8 YAML syntax error: aliases (*name) expand to too many nodes (Excessive alias count indicates a resource exhaustion attack, limit 100); write the values out or use fewer aliases',
    ),
  ],
  'attribute-of-another-toxic.yaml': [
    at(
      'attribute-of-another-toxic.yaml',
      '9:52 phases[0].faults[0].tcp.attributes.rate: attribute "rate" does not apply to toxic latency (it takes latency, jitter)',
    ),
  ],
  'bulkhead-negative-queue.yaml': [
    at('bulkhead-negative-queue.yaml', '6:43 client.bulkhead.maxQueue: expected an integer >= 0, got -1'),
    at(
      'bulkhead-negative-queue.yaml',
      '7:14 client.rateLimit.ratePerSec: missing; expected a number of tokens per second > 0',
    ),
  ],
  'duplicate-phase-names.yaml': [
    at(
      'duplicate-phase-names.yaml',
      '8:11 phases[1].name: duplicate phase name "steady" (phases[0] has it too)',
    ),
  ],
  'empty-file.yaml': [
    at(
      'empty-file.yaml',
      '1:1 expected a scenario object { name, service, load, phases, ... }, got an empty file',
    ),
  ],
  'empty-phases.yaml': [
    at('empty-phases.yaml', '5:9 phases: expected at least one phase, got an empty list'),
  ],
  'fault-with-both-kinds.yaml': [
    at(
      'fault-with-both-kinds.yaml',
      '9:9 phases[0].faults[0]: expected exactly one of tcp, http, got tcp and http',
    ),
  ],
  'fallback-not-http.yaml': [
    at(
      'fallback-not-http.yaml',
      '4:41 client.fallback.baseUrl: expected an absolute http(s) URL, e.g. "http://127.0.0.1:7001", got "file:///etc/passwd"',
    ),
  ],
  'hypothesis-missing-phase.yaml': [
    at(
      'hypothesis-missing-phase.yaml',
      '11:12 hypotheses[0].phase: no phase named "outgae" (did you mean "outage"? phases: steady, outage)',
    ),
  ],
  'missing-load.yaml': [
    at(
      'missing-load.yaml',
      '1:1 load: missing; expected a load object { concurrency, ratePerSec, maxCalls, request }',
    ),
  ],
  'negative-duration.yaml': [
    at(
      'negative-duration.yaml',
      '7:17 phases[0].durationMs: expected a number of milliseconds > 0, got -500',
    ),
  ],
  'outlier-detection-unknown-key.yaml': [
    at(
      'outlier-detection-unknown-key.yaml',
      '6:18 client.loadBalancing: expected one of "round-robin", "least-outstanding", "weighted", got "random"',
    ),
    at(
      'outlier-detection-unknown-key.yaml',
      '7:23 client.outlierDetection.consecutive5xx: unknown key "consecutive5xx" (allowed: consecutiveFailures, baseEjectionMs, maxEjectionMs, maxEjectionPercent)',
    ),
    at(
      'outlier-detection-unknown-key.yaml',
      '8:23 client.hedging.delayMs: expected a number of milliseconds >= 0 or "p95", got "fast"',
    ),
  ],
  'rate-above-one.yaml': [
    at(
      'rate-above-one.yaml',
      '9:23 phases[0].faults[0].http.rate: expected a probability between 0 and 1, got 1.5',
    ),
  ],
  'retry-not-an-object.yaml': [
    at(
      'retry-not-an-object.yaml',
      '6:10 client.retry: expected false or a retry object { maxAttempts, baseDelayMs, ... }, got 3',
    ),
  ],
  'several-issues.yaml': [
    at('several-issues.yaml', '5:7 seed: expected a seed, an integer from 0 to 2147483647, got -1'),
    at('several-issues.yaml', '8:17 phases[0].durationMs: expected a number of milliseconds > 0, got 0'),
    at(
      'several-issues.yaml',
      '10:37 phases[0].faults[0].http.delayMs.uniform: expected [min, max] with min <= max, got [400, 100]',
    ),
    at(
      'several-issues.yaml',
      '12:30 hypotheses[0].latencyMs.p99.max: expected a number of milliseconds >= 0, got "fast"',
    ),
    at('several-issues.yaml', '13:18 hypotheses[1].successRate: expected at least one of min, max, got none'),
  ],
  'timer-overflow.yaml': [
    at(
      'timer-overflow.yaml',
      '3:22 client.timeoutMs: expected at most 2147483647 ms (2^31 - 1, about 24.8 days: the longest delay a timer can wait), got 10000000000',
    ),
    at(
      'timer-overflow.yaml',
      '5:16 load.concurrency: expected at most 10000 workers (the documented cap), got 1000000',
    ),
    at(
      'timer-overflow.yaml',
      '9:17 phases[0].durationMs: expected at most 86400000 ms (one day, the longest phase), got 10000000000',
    ),
    at(
      'timer-overflow.yaml',
      '11:55 phases[0].faults[0].tcp.attributes.latency: expected at most 2147483647 (2^31 - 1, in milliseconds), got 1000000000000',
    ),
    at(
      'timer-overflow.yaml',
      '12:52 phases[0].faults[1].tcp.attributes.delay: expected at most 2147483647 (2^31 - 1, in milliseconds for slow_close, microseconds for slicer), got 3000000000',
    ),
    at(
      'timer-overflow.yaml',
      '13:26 phases[0].faults[2].http.delayMs: expected at most 2147483647 ms (2^31 - 1, about 24.8 days: the longest delay a timer can wait), got 3000000000',
    ),
    at(
      'timer-overflow.yaml',
      '15:17 phases[1].durationMs: expected at most 86400000 ms (one day, the longest phase), got 86400001',
    ),
  ],
  'two-effects.yaml': [
    at(
      'two-effects.yaml',
      '9:15 phases[0].faults[0].http: expected at most one of status, networkError, truncateBody, malformedBody, slowBody, got status and networkError',
    ),
  ],
  'unknown-key.yaml': [
    at('unknown-key.yaml', '6:3 client.retries: unknown key "retries" (did you mean "retry"?)'),
  ],
  'unknown-service.yaml': [
    at(
      'unknown-service.yaml',
      '2:10 service: unknown service "inferense" (did you mean "inference"? services in the registry: inference, auth, notify, analytics, search, toxiproxy)',
    ),
  ],
  'unknown-toxic-attribute.yaml': [
    at(
      'unknown-toxic-attribute.yaml',
      '9:46 phases[0].faults[0].tcp.attributes.latncy: unknown key "latncy" (did you mean "latency"?)',
    ),
  ],
  'unknown-toxic.yaml': [
    at(
      'unknown-toxic.yaml',
      '9:23 phases[0].faults[0].tcp.toxic: expected a toxic type (one of latency, bandwidth, slow_close, timeout, reset_peer, slicer, limit_data, noop), got "latancy" (did you mean "latency"?)',
    ),
  ],
  'virtual-mode-tcp-fault.yaml': [
    at(
      'virtual-mode-tcp-fault.yaml',
      '10:14 phases[0].faults[0].tcp: a tcp fault needs real sockets and real time, but the scenario sets mode: virtual (use mode: auto or real, or an http fault)',
    ),
  ],
  'wrong-type.yaml': [
    at(
      'wrong-type.yaml',
      '14:22 phases[1].faults[0].tcp.attributes.latency: expected a number of milliseconds >= 0, got "fast"',
    ),
  ],
  'yaml-syntax-error.yaml': [
    at(
      'yaml-syntax-error.yaml',
      '5:1 YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ),
  ],
};

describe('invalid scenario corpus', () => {
  it('has an expectation for every fixture file and a fixture for every expectation', async () => {
    const files = (await readdir(`${root}/${dir}`)).filter((f) => f.endsWith('.yaml')).sort();
    expect(files).toEqual(Object.keys(expectedIssues).sort());
  });

  it.each(Object.entries(expectedIssues))('%s is rejected with its exact messages', async (file, lines) => {
    const error = await loadScenarioFile(`${dir}/${file}`, builtInFaultlineConfig(), { cwd: root }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ScenarioInvalidError);
    const invalid = error as ScenarioInvalidError;
    expect(invalid.code).toBe('FAULTLINE_SCENARIO_INVALID');
    expect(invalid.issues.map(formatInputIssue)).toEqual(lines);
    for (const line of lines) expect(invalid.message).toContain(line);
  });
});
