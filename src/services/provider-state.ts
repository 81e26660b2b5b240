import { InvalidRequestError } from './parse-json-body.ts';

/**
 * One provider state a service supports, for Pact verification. `name` is a template
 * whose `{placeholders}` are parameters: the consumer may send the template itself with
 * `params` (`"model {model} exists"`, `{ "model": "risk-v1" }`) or the filled-in text
 * (`"model risk-v1 exists"`); both reach `setup` with the same params.
 */
export interface ProviderState<Store> {
  /** Template, e.g. `model {model} exists`. */
  name: string;
  /** What the state puts the service into, for docs and `--help`. */
  description: string;
  /** Puts `store` into the state. Teardown always resets the whole store. */
  setup(store: Store, params: StateParams): void;
}

/** Parameters of a state: from the request's `params`, or captured from the state text. */
export interface StateParams {
  /** The string parameter `name`, or `fallback`; throws naming the parameter when absent. */
  string(name: string, fallback?: string): string;
  /** The number parameter `name`, or `fallback`. */
  number(name: string, fallback: number): number;
}

/**
 * The provider state that switches a service into its degraded mode (the router's
 * DegradedMode): `set` stores the outage its `current()` reads, with the Retry-After of
 * params.retryAfterSeconds (default 1).
 *
 * @example
 * outageState('auth is rate limited', 'Every verify call answers 429 `rate_limited`', (store, outage) => {
 *   store.rateLimited = outage;
 * });
 */
export function outageState<Store>(
  name: string,
  answers: string,
  set: (store: Store, outage: { retryAfterSeconds: number }) => void,
): ProviderState<Store> {
  return {
    name,
    description: `${answers} with Retry-After (params.retryAfterSeconds, default 1).`,
    setup(store, params) {
      set(store, { retryAfterSeconds: params.number('retryAfterSeconds', 1) });
    },
  };
}

/** Finds the state `text` names and the params it carries; undefined when none matches. */
export function matchProviderState<Store>(
  states: readonly ProviderState<Store>[],
  text: string,
  params: Record<string, unknown>,
): { state: ProviderState<Store>; params: StateParams } | undefined {
  for (const state of states) {
    if (state.name === text) return { state, params: stateParams(state.name, params) };
    const captured = templatePattern(state.name).exec(text);
    if (captured?.groups) {
      // Explicit params win over text captured from the state name.
      return { state, params: stateParams(state.name, { ...captured.groups, ...params }) };
    }
  }
  return undefined;
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) =>
      part.startsWith('{') && part.endsWith('}')
        ? `(?<${part.slice(1, -1)}>.+?)`
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

function stateParams(stateName: string, raw: Record<string, unknown>): StateParams {
  return {
    string(name, fallback) {
      const value = raw[name];
      if (typeof value === 'string' && value !== '' && !/^\{.*\}$/.test(value)) return value;
      if (typeof value === 'number') return String(value);
      if (fallback !== undefined) return fallback;
      throw InvalidRequestError.expected(
        `params.${name}`,
        `a string (state "${stateName}" needs it: pass it in params or in the state text)`,
        value,
      );
    },
    number(name, fallback) {
      const value = raw[name];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      return fallback;
    },
  };
}
