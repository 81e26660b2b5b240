import { parseRetryAfter } from '../client/retry/parse-retry-after.ts';
import { DEFAULT_RETRY_AFTER_TOLERANCE_MS } from '../scenario/hypotheses/kinds/retry-after.ts';
import { DEFAULT_NON_IDEMPOTENT_METHODS } from '../scenario/hypotheses/kinds/side-effects.ts';
import { endpointOf } from './endpoint.ts';
import type { ExploreService } from './explore-service.ts';
import type { ServiceWireEntry } from './start-run-proxies.ts';

/**
 * Damage a run did on the wire although the test command passed, judged against the
 * baseline run (the command's calls don't carry call tags, so endpoints stand for calls):
 *
 *   duplicate side effect  more POST/PATCH effects of an endpoint reached the upstream than
 *                          in the baseline; requests sharing an Idempotency-Key count once
 *   Retry-After ignored    a request to an endpoint arrived before the Retry-After its
 *                          previous answer carried had elapsed
 */
export function wireDamage(
  run: readonly ServiceWireEntry[],
  baseline: readonly ServiceWireEntry[],
  services: readonly ExploreService[],
): string[] {
  const damage: string[] = [];
  const runEffects = sideEffects(run, services);
  const baseEffects = sideEffects(baseline, services);
  for (const [key, count] of runEffects) {
    const before = baseEffects.get(key) ?? 0;
    if (count > before)
      damage.push(
        `duplicate side effect: ${key} reached the upstream as ${count} distinct effects (baseline ${before}): a retry without the same Idempotency-Key`,
      );
  }
  const byEndpoint = groupByEndpoint(run, services);
  for (const [key, entries] of byEndpoint) {
    for (let i = 0; i + 1 < entries.length; i++) {
      const answer = entries[i]!;
      if (answer.retryAfter === undefined) continue;
      const waitMs = parseRetryAfter(answer.retryAfter, Date.now());
      if (waitMs === undefined) continue;
      const next = entries[i + 1]!;
      const earliest = answer.startedAt + answer.durationMs + waitMs;
      if (next.startedAt + DEFAULT_RETRY_AFTER_TOLERANCE_MS < earliest)
        damage.push(
          `Retry-After ignored: ${key} was answered ${answer.status} with Retry-After: ${answer.retryAfter} and called again ${Math.round(next.startedAt - answer.startedAt - answer.durationMs)} ms later`,
        );
    }
  }
  return damage;
}

function groupByEndpoint(
  wire: readonly ServiceWireEntry[],
  services: readonly ExploreService[],
): Map<string, ServiceWireEntry[]> {
  const byName = new Map(services.map((s) => [s.name, s]));
  const out = new Map<string, ServiceWireEntry[]>();
  for (const entry of [...wire].sort((a, b) => a.startedAt - b.startedAt)) {
    const endpoint = endpointOf(byName.get(entry.service)?.endpoints ?? [], entry.method, entry.path);
    const key = `${entry.service} ${endpoint?.key ?? `${entry.method} ${entry.path}`}`;
    const list = out.get(key) ?? [];
    list.push(entry);
    out.set(key, list);
  }
  return out;
}

/** Effects per endpoint: forwarded non-idempotent requests, once per Idempotency-Key. */
function sideEffects(
  wire: readonly ServiceWireEntry[],
  services: readonly ExploreService[],
): Map<string, number> {
  const methods = new Set<string>(DEFAULT_NON_IDEMPOTENT_METHODS);
  const out = new Map<string, number>();
  for (const [key, entries] of groupByEndpoint(wire, services)) {
    const forwarded = entries.filter((e) => e.upstream && methods.has(e.method));
    if (forwarded.length === 0) continue;
    const keys = new Set(
      forwarded.flatMap((e) => (e.idempotencyKey === undefined ? [] : [e.idempotencyKey])),
    );
    out.set(key, keys.size + forwarded.filter((e) => e.idempotencyKey === undefined).length);
  }
  return out;
}
