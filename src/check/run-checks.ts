import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { resolveServiceClientOptions } from '../config/resolve-service-client-options.ts';
import type { CheckSummary, PropertyCheckResult } from './check-result.ts';
import { serviceChecks } from './service-checks.ts';
import { UnknownServiceError } from './unknown-service-error.ts';

export interface RunChecksOptions {
  /** Directory of faultline.config.yaml. @default process.cwd() */
  cwd?: string;
  /** Registry file, relative to cwd. @default 'faultline.config.yaml' (built-in registry when absent) */
  configFile?: string;
  /** A registry to check instead of loading one. */
  config?: FaultlineConfig;
  /** Only this registry key. @default every service with a client */
  service?: string;
  /** fast-check runs per property. @default 100 */
  numRuns?: number;
  /** Seed of every property run; printed so a failure can be replayed. @default random */
  seed?: number;
  /** Called after each check, for progress output. */
  onResult?(result: PropertyCheckResult): void;
}

/**
 * Proves the invariants of the client policies against each configured service's actual
 * retry and breaker configuration, plus config rules (worst-case call time within the
 * SLO, retry amplification within a budget, breaker thresholds reachable).
 *
 * @example
 * const summary = await runChecks({ service: 'inference', numRuns: 200, seed: 42 });
 * if (!summary.ok) console.log(summary.results.filter((r) => !r.ok));
 */
export async function runChecks(options: RunChecksOptions = {}): Promise<CheckSummary> {
  const config =
    options.config ??
    (await loadFaultlineConfig({
      cwd: options.cwd,
      ...(options.configFile === undefined ? {} : { file: options.configFile }),
    }));
  const keys = Object.keys(config.services);
  if (options.service !== undefined && !keys.includes(options.service)) {
    throw new UnknownServiceError(options.service, keys);
  }
  const numRuns = options.numRuns ?? 100;
  const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const results: PropertyCheckResult[] = [];
  const skipped: CheckSummary['skipped'] = [];
  for (const key of options.service === undefined ? keys : [options.service]) {
    const entry = config.services[key]!;
    if (entry.client === undefined && entry.reference === undefined) {
      skipped.push({ service: key, reason: 'external-only service without a client under test' });
      continue;
    }
    const client = resolveServiceClientOptions(config, key);
    for (const check of serviceChecks(key, client, entry.slo)) {
      const result: PropertyCheckResult = {
        service: key,
        property: check.property,
        ...(await check.run({ numRuns, seed })),
      };
      results.push(result);
      options.onResult?.(result);
    }
  }
  return { ok: results.every((r) => r.ok), seed, numRuns, results, skipped };
}
