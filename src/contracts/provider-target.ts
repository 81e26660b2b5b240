/** Where a provider is verified and how its provider states are put in place. */
export interface ProviderTarget {
  /** Base URL the verifier sends the pact's requests to. */
  url: string;
  /** Sets up or tears down one provider state; throws with a readable message on failure. */
  applyState(state: string, params: Record<string, unknown>, action: 'setup' | 'teardown'): Promise<void>;
}

/**
 * A target whose states go to `POST <url>/_faultline/state` (the reference services with
 * states enabled, or any provider that implements the same endpoint).
 */
export function faultlineStateTarget(url: string): ProviderTarget {
  return {
    url,
    async applyState(state, params, action) {
      const res = await fetch(`${url}/_faultline/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state, params, action }),
      });
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const text = await res.text();
      let message = text;
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
      } catch {}
      throw new Error(`${url}/_faultline/state answered ${res.status}: ${message}`);
    },
  };
}
