import type { Dispatcher } from 'undici';

/** A handler with the undici 7 callbacks (onRequestStart ... onResponseError) all present. */
export type FullDispatchHandler = Required<
  Pick<
    Dispatcher.DispatchHandler,
    'onRequestStart' | 'onResponseStart' | 'onResponseData' | 'onResponseEnd' | 'onResponseError'
  >
>;

/**
 * Adapts whatever handler reaches a dispatch to the undici 7 callback set. Handlers passed
 * through `dispatcher.compose(...)` already have it (undici wraps them); a legacy handler
 * (onConnect/onHeaders/onData/onComplete/onError, e.g. the one `dispatcher.request()`
 * creates when it calls a plain Dispatcher directly) is translated here.
 */
export function toDispatchHandler(handler: Dispatcher.DispatchHandler): FullDispatchHandler {
  if (typeof handler.onRequestStart === 'function') {
    return {
      onRequestStart: (c, ctx) => handler.onRequestStart?.(c, ctx),
      onResponseStart: (c, s, h, m) => handler.onResponseStart?.(c, s, h, m),
      onResponseData: (c, chunk) => handler.onResponseData?.(c, chunk),
      onResponseEnd: (c, t) => handler.onResponseEnd?.(c, t),
      onResponseError: (c, e) => handler.onResponseError?.(c, e),
    };
  }
  return {
    onRequestStart: (c) => handler.onConnect?.((reason) => c.abort(reason ?? new Error('aborted'))),
    onResponseStart: (c, status, headers, message) => {
      const raw = Object.entries(headers).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v ?? '']).flatMap((x) => [
          Buffer.from(k, 'latin1'),
          Buffer.from(String(x), 'latin1'),
        ]),
      );
      if (handler.onHeaders?.(status, raw, () => c.resume(), message ?? '') === false) c.pause();
    },
    onResponseData: (c, chunk) => {
      if (handler.onData?.(chunk) === false) c.pause();
    },
    onResponseEnd: () => handler.onComplete?.([]),
    onResponseError: (_c, err) => handler.onError?.(err),
  };
}

/** Request headers of dispatch options (object, flat array or iterable) as a plain record. */
export function headersOf(opts: Dispatcher.DispatchOptions): Record<string, string> {
  const out: Record<string, string> = {};
  const h = opts.headers as unknown;
  if (!h) return out;
  if (Array.isArray(h)) {
    if (h.length > 0 && Array.isArray(h[0])) {
      for (const [k, v] of h as Array<[string, string]>) out[String(k).toLowerCase()] = String(v);
    } else {
      for (let i = 0; i + 1 < h.length; i += 2) out[String(h[i]).toLowerCase()] = String(h[i + 1]);
    }
    return out;
  }
  if (typeof (h as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [k, v] of h as Iterable<[string, string]>) out[String(k).toLowerCase()] = String(v);
    return out;
  }
  for (const [k, v] of Object.entries(h as Record<string, unknown>)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}
