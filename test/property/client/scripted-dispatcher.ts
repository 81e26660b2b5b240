import { Dispatcher } from 'undici';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

/**
 * A tiny in-process undici Dispatcher for client-level property tests: answers each
 * request with the next status of a script (200 once the script is used up) and records
 * the request headers. No sockets, no MockAgent.
 */
export class ScriptedDispatcher extends Dispatcher {
  readonly seen: SeenRequest[] = [];
  private next = 0;

  constructor(private readonly statuses: number[]) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.seen.push({
      method: String(options.method),
      path: String(options.path),
      headers: normaliseHeaders(options.headers),
    });
    const status = this.statuses[this.next++] ?? 200;
    let aborted = false;
    const controller: Dispatcher.DispatchController = {
      get aborted() {
        return aborted;
      },
      get paused() {
        return false;
      },
      get reason() {
        return null;
      },
      abort() {
        aborted = true;
      },
      pause() {},
      resume() {},
    };
    queueMicrotask(() => {
      handler.onRequestStart?.(controller, {});
      if (aborted) return;
      const body = Buffer.from(JSON.stringify({ status }));
      handler.onResponseStart?.(controller, status, { 'content-type': 'application/json' }, 'scripted');
      if (aborted) return;
      handler.onResponseData?.(controller, body);
      handler.onResponseEnd?.(controller, {});
    });
    return true;
  }

  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

function normaliseHeaders(h: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (h == null) return out;
  if (Array.isArray(h)) {
    for (let i = 0; i + 1 < h.length; i += 2) out[String(h[i]).toLowerCase()] = String(h[i + 1]);
    return out;
  }
  for (const [k, v] of Object.entries(h as Record<string, unknown>)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}
