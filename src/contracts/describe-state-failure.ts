import type { ContractResult } from './contract-result.ts';
import { nameInteraction } from './parse-verification-output.ts';
import type { PactInteraction } from './read-pact-files.ts';
import type { StateChangeFailure } from './state-change-server.ts';

/**
 * `payment {id} exists` with `{ id: 42 }` -> `payment 42 exists`: the state as it was
 * asked for. Parameters the name does not mention are listed after it.
 *
 * @example
 * fillStateParams('payment {id} exists', { id: 42, currency: 'EUR' }) // 'payment 42 exists {"currency":"EUR"}'
 */
export function fillStateParams(state: string, params: Record<string, unknown>): string {
  const used = new Set<string>();
  const filled = state.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    used.add(key);
    const value = params[key];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
  const rest = Object.entries(params).filter(([key]) => !used.has(key));
  return rest.length === 0 ? filled : `${filled} ${JSON.stringify(Object.fromEntries(rest))}`;
}

/** `setup of provider state "payment 42 exists" failed: <why>`. */
export function describeStateFailure(failure: StateChangeFailure): string {
  return `${failure.action} of provider state "${fillStateParams(failure.state, failure.params)}" failed: ${failure.message}`;
}

/** The verifier's own words for a failed setup call, replaced by Faultline's message. */
const VERIFIER_STATE_ERROR = /state change handlers has failed/i;

/**
 * Every failed state change is reported on the interaction it belongs to, which then
 * fails even when the verifier passed it: a failed setup means the interaction ran (or
 * was skipped) against a provider in the wrong state, a failed teardown leaves state
 * behind for the next one. Belonging is decided by the pact's states and parameters;
 * without the pact's interactions (broker), by the state name in the interaction name.
 */
export function attachStateFailures(
  results: ContractResult[],
  failures: readonly StateChangeFailure[],
  interactions: readonly PactInteraction[] | undefined,
): ContractResult[] {
  if (failures.length === 0) return results;
  return results.map((result) => {
    const known = interactions?.find((i) => nameInteraction(i.description, i.states) === result.interaction);
    const own = failures.filter((f) =>
      known
        ? known.states.some((s, n) => s === f.state && sameJson(known.stateParams[n] ?? {}, f.params))
        : result.interaction.includes(f.state),
    );
    if (own.length === 0) return result;
    const verifierLines = (result.message ?? '')
      .split('\n')
      .filter((line) => line !== '' && !VERIFIER_STATE_ERROR.test(line) && result.verdict === 'fail');
    return {
      ...result,
      verdict: 'fail',
      // The verifier retries a failed state call: the same failure is named once.
      message: [...new Set(own.map(describeStateFailure)), ...verifierLines].join('\n'),
    };
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
