import fc from 'fast-check';
import { resolveBreakerOptions } from '../client/breaker/resolve-breaker-options.ts';
import type { BreakerOptions, RateLimitOptions, RetryOptions } from '../client/client-types.ts';
import { resolveRateLimitOptions } from '../client/rate-limit/token-bucket.ts';
import { clientDefaults } from '../client/resolve-client-options.ts';
import { resolveRetryOptions } from '../client/retry/resolve-retry-options.ts';
import { ConfigInvalidError } from '../config/config-invalid-error.ts';
import type { ServiceEntry } from '../config/faultline-config-schema.ts';
import { FAULTLINE_CONFIG_FILE } from '../config/load-faultline-config.ts';
import type { ServiceClientOptions } from '../config/resolve-service-client-options.ts';
import { unplacedIssue } from '../config/yaml/input-issue.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { breakerConcurrencyProperty } from './breaker/breaker-concurrency-property.ts';
import { breakerModelProperty } from './breaker/breaker-model-property.ts';
import type { PropertyCheckResult } from './check-result.ts';
import { bulkheadReleaseProperty } from './client/bulkhead-release-property.ts';
import { burstAfterIdleProperty } from './client/burst-after-idle-property.ts';
import { hedgeBudgetProperty } from './client/hedge-budget-property.ts';
import { nonRetryableAnswersProperty } from './client/non-retryable-answers-property.ts';
import { slowCallsCountedProperty } from './client/slow-calls-counted-property.ts';
import { compositionProperty } from './composition/composition-property.ts';
import { breakerReachabilityProblems } from './config/breaker-reachability.ts';
import { worstCaseCallTime } from './config/worst-case-call-time.ts';
import { retryScenarioArbitrary } from './retry/retry-arbitraries.ts';
import { retryBudgetProperty } from './retry/retry-budget-property.ts';
import { retryCallProperty } from './retry/retry-call-property.ts';

/** One check of one service: a config rule (instant) or a property (fast-check run). */
export interface ServiceCheck {
  property: string;
  run(settings: {
    numRuns: number;
    seed: number;
  }): Promise<Omit<PropertyCheckResult, 'service' | 'property'>>;
}

/**
 * The checks of one service, built from its actual client options (as the runner resolves
 * them from the registry; the client's and the policies' defaults fill the gaps). Throws a
 * FAULTLINE_CONFIG_INVALID error naming the field when the policies reject them.
 */
export function serviceChecks(
  key: string,
  client: ServiceClientOptions,
  slo: ServiceEntry['slo'] | undefined,
): ServiceCheck[] {
  const timeoutMs = client.timeoutMs ?? clientDefaults.timeoutMs;
  const deadlineMs = client.deadlineMs ?? clientDefaults.deadlineMs;
  const retryOptions: RetryOptions | false = client.retry === false ? false : (client.retry ?? {});
  const breakerOptions: BreakerOptions | false = client.breaker === false ? false : (client.breaker ?? {});
  const retry = retryOptions === false ? false : resolved(key, () => resolveRetryOptions(retryOptions));
  const breaker =
    breakerOptions === false ? false : resolved(key, () => resolveBreakerOptions(breakerOptions));
  const checks: ServiceCheck[] = [];

  checks.push({
    property: 'worst-case call time',
    async run() {
      const w = worstCaseCallTime({ timeoutMs, deadlineMs, retry });
      const limit = slo?.maxCallMs;
      if (limit === undefined) {
        return { ok: true, detail: `${w.boundedMs} ms at worst (no slo.maxCallMs to prove): ${w.breakdown}` };
      }
      const ok = w.boundedMs <= limit;
      return {
        ok,
        detail: ok
          ? `${w.boundedMs} ms <= slo.maxCallMs ${limit} ms (${w.breakdown}, deadline ${deadlineMs} ms)`
          : `${w.boundedMs} ms > slo.maxCallMs ${limit} ms: ${w.breakdown}, cut by deadlineMs ${deadlineMs} ms. ` +
            `Fix: set client.deadlineMs <= ${limit}, or fewer attempts / shorter timeoutMs / lower maxDelayMs`,
      };
    },
  });

  if (retry !== false) {
    const budget = retry.budget;
    checks.push({
      property: 'retry amplification within budget',
      async run(settings) {
        if (retry.maxAttempts === 1) return { ok: true, detail: 'maxAttempts is 1: no retries, 1x' };
        if (budget === false) {
          return {
            ok: false,
            detail:
              `no retry budget: during an outage every call may make ${retry.maxAttempts} attempts (${retry.maxAttempts}x load). ` +
              'Fix: set client.retry.budget (e.g. { ratio: 0.2, minRetriesPerWindow: 10, windowMs: 10000 })',
          };
        }
        const result = await runProperty(retryBudgetProperty(fc.constant(budget)), settings);
        const bound = `1 + ${budget.ratio} + ${budget.minRetriesPerWindow} per ${budget.windowMs} ms window`;
        return result.ok
          ? {
              ...result,
              detail: `attempts/calls <= ${bound} (held over ${settings.numRuns} traffic patterns)`,
            }
          : result;
      },
    });
  }

  if (breaker !== false) {
    checks.push({
      property: 'breaker thresholds reachable',
      async run() {
        const problems = breakerReachabilityProblems(breaker, timeoutMs);
        return problems.length === 0
          ? { ok: true, detail: `${breaker.strategy} breaker can open within its window` }
          : { ok: false, detail: problems.join('; ') };
      },
    });
    checks.push({
      property: `breaker model (${breaker.strategy})`,
      run: (settings) =>
        runProperty(breakerModelProperty(fc.constant(breakerOptions as BreakerOptions)), settings),
    });
    checks.push({
      property: 'breaker under concurrency',
      run: (settings) =>
        runProperty(breakerConcurrencyProperty(fc.constant(breakerOptions as BreakerOptions)), settings),
    });
  }

  if (retry !== false) {
    // The configured deadline, and attempt durations scaled to the configured timeout.
    const scenarios = retryScenarioArbitrary.map((sc) => ({
      ...sc,
      deadlineMs,
      attempts: sc.attempts.map((a) => ({ ...a, durationMs: (a.durationMs / 1_000) * timeoutMs })),
    }));
    checks.push({
      property: 'retry rules',
      run: (settings) =>
        runProperty(retryCallProperty(fc.constant(retryOptions as RetryOptions), scenarios), settings),
    });
  }

  if (retry !== false && breaker !== false) {
    checks.push({
      property: 'no retry storm, deadline bounds every call',
      run: (settings) =>
        runProperty(
          compositionProperty(
            fc.constant({
              retry: retryOptions as RetryOptions,
              breaker: breakerOptions as BreakerOptions,
              timeoutMs,
              deadlineMs,
            }),
          ),
          settings,
        ),
    });
  }
  // The client's own loop, in virtual time: fewer runs than the pure-policy properties.
  const realClientRuns = (settings: { numRuns: number; seed: number }) => ({
    ...settings,
    numRuns: Math.max(1, Math.ceil(settings.numRuns / 4)),
  });
  checks.push({
    property: 'a 4xx is final: no retry, no fallback, no breaker failure (real client)',
    run: (settings) => runProperty(nonRetryableAnswersProperty(client), realClientRuns(settings)),
  });
  if (client.bulkhead !== undefined && client.bulkhead !== false) {
    checks.push({
      property: 'every bulkhead slot is given back on every path (real client)',
      run: (settings) => runProperty(bulkheadReleaseProperty(client), realClientRuns(settings)),
    });
  }
  if (client.rateLimit !== undefined && client.rateLimit !== false) {
    const limit = resolved(key, () => resolveRateLimitOptions(client.rateLimit as RateLimitOptions));
    checks.push({
      property: 'a burst after idling stays within the rate limit (real client)',
      run: (settings) => runProperty(burstAfterIdleProperty(client, limit), realClientRuns(settings)),
    });
  }
  if (breaker !== false && breaker.strategy === 'slow-call-rate') {
    checks.push({
      property: 'slow calls are counted (real client)',
      run: (settings) => runProperty(slowCallsCountedProperty(client, breaker), realClientRuns(settings)),
    });
  }
  if (client.hedging !== undefined && retry !== false && retry.budget !== false) {
    const budget = retry.budget;
    checks.push({
      property: 'hedges are charged to the retry budget (real client)',
      run: (settings) => runProperty(hedgeBudgetProperty(client, budget), realClientRuns(settings)),
    });
  }
  return checks;
}

function resolved<T>(key: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (err) {
    if (!(err instanceof InvalidOptionsError)) throw err;
    // A config given as an object (not read from YAML) that the client's rules refuse.
    const message = err.message.slice(err.field.length + 2);
    throw new ConfigInvalidError([
      unplacedIssue(FAULTLINE_CONFIG_FILE, `services.${key}.client.${err.field}`, message),
    ]);
  }
}

/** Runs one property with the requested runs and seed; on failure keeps what a replay needs. */
async function runProperty(
  // biome-ignore lint/suspicious/noExplicitAny: properties of different input tuples
  property: fc.IAsyncPropertyWithHooks<any>,
  settings: { numRuns: number; seed: number },
): Promise<Omit<PropertyCheckResult, 'service' | 'property'>> {
  const details = await fc.check(property, { numRuns: settings.numRuns, seed: settings.seed });
  if (!details.failed)
    return { ok: true, detail: `held for ${details.numRuns} runs`, numRuns: details.numRuns };
  const error =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    ok: false,
    detail: error,
    counterexample: details.counterexample === null ? undefined : fc.stringify(details.counterexample),
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
    numRuns: details.numRuns,
  };
}
