/** Where a provider is verified and how its provider states are put in place. */
export interface ProviderTarget {
  /** Base URL the verifier sends the pact's requests to. */
  url: string;
  /**
   * Sets up or tears down one provider state; throws with a readable message on failure.
   * A setup may return values for the pact's `fromProviderState` expressions.
   */
  applyState(
    state: string,
    params: Record<string, unknown>,
    action: 'setup' | 'teardown',
  ): Promise<Record<string, unknown> | undefined>;
}

/** The state-change path of the reference services (docs/services.md). */
export const FAULTLINE_STATE_PATH = '/_faultline/state';

/**
 * A target whose states go to the provider's own state-change endpoint: `POST stateUrl`
 * with Pact's body `{ state, params, action }`. A JSON object in the answer to a setup
 * is handed to the verifier (`fromProviderState` values), as with Pact's
 * `providerStatesSetupUrl`. Without `stateUrl`: `POST <url>/_faultline/state`, which the
 * reference services with states enabled implement.
 *
 * @example
 * const target = httpStateTarget('http://127.0.0.1:8080', 'http://127.0.0.1:8080/pact/states');
 */
export function httpStateTarget(url: string, stateUrl = `${url}${FAULTLINE_STATE_PATH}`): ProviderTarget {
  return {
    url,
    async applyState(state, params, action) {
      let res: Response;
      try {
        res = await fetch(stateUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ state, params, action }),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        throw new Error(`${stateUrl} is not reachable (${cause?.code ?? cause?.message ?? String(err)})`);
      }
      const text = await res.text();
      if (!res.ok) throw new Error(`${stateUrl} answered ${res.status}: ${errorText(text)}`);
      return stateValues(text);
    },
  };
}

/** The object a state endpoint answered, if it answered one. */
function stateValues(text: string): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(text) as unknown;
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function errorText(text: string): string {
  let message = text;
  try {
    const json = JSON.parse(text) as { error?: string | { message?: string }; message?: string };
    message = (typeof json.error === 'string' ? json.error : json.error?.message) ?? json.message ?? text;
  } catch {}
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? '(empty body)' : oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
