import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { SyntheticController } from '../scenario/dispatch/synthetic-controller.ts';
import { createBodyEffectHandler } from '../scenario/faults/http/body-effect-handler.ts';
import { FAULT_REQUEST_ID_HEADER } from '../scenario/faults/http/build-fault-handlers.ts';
import { decideHttpFault } from '../scenario/faults/http/decide-http-fault.ts';
import { HttpFaultSet } from '../scenario/faults/http/http-fault-set.ts';
import type { WireLog } from '../scenario/wire/wire-log.ts';
import { deriveRandom } from '../time/random.ts';
import { systemClock } from '../time/system-clock.ts';
import { HOP_BY_HOP } from './hop-by-hop.ts';
import { ResponseWriter } from './response-writer.ts';

export interface HttpFaultProxyOptions {
  /** Origin of the real upstream, e.g. `http://127.0.0.1:8080` (a path is ignored). */
  upstream: string;
  /**
   * The faults in force: `faults.apply([...])` / `faults.clear()` change them while the
   * proxy runs. @default an empty set on the system clock (seed 0)
   */
  faults?: HttpFaultSet;
  /** Origin the faults see as the request's (for `endpoint: i` faults). @default the upstream origin */
  faultOrigin?: string;
  /** Records every exchange (the runner's wire log). */
  wire?: WireLog;
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface HttpFaultProxy {
  /** Base URL clients use instead of the upstream's, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly faults: HttpFaultSet;
  /** Stops listening, closes client connections and the upstream pool. */
  close(): Promise<void>;
}

/**
 * An HTTP proxy that puts the scenario's HTTP faults on live traffic, for any client in
 * any language: point its base URL here.
 *
 *   client --HTTP--> [node:http server] --decideHttpFault (MSW handlers in force)
 *                          |                  answered: status/Retry-After/body, or a reset
 *                          |                  passthrough: undici Pool --> upstream
 *                          |                     body effect on the way back (slow, truncated,
 *                          |                     malformed), streamed with backpressure
 *                          +--> wire log (every exchange: status, Retry-After, upstream?, tags)
 *
 * Request and response bodies stream both ways; when the client closes a request, its
 * upstream request and any injected delay are aborted.
 *
 * @example
 * const proxy = await startHttpFaultProxy({ upstream: 'http://127.0.0.1:8080' });
 * proxy.faults.apply([{ status: 503, retryAfter: 1, firstN: 2 }]);
 * // client baseUrl: proxy.url
 * await proxy.close();
 */
export async function startHttpFaultProxy(options: HttpFaultProxyOptions): Promise<HttpFaultProxy> {
  const upstream = new URL(options.upstream).origin;
  const faultOrigin = options.faultOrigin ?? upstream;
  const faults =
    options.faults ?? new HttpFaultSet({ clock: systemClock, random: deriveRandom(0, 'http-faults') });
  const pool = new Pool(upstream);
  const wire = options.wire;
  let seq = 0;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const headers: Record<string, string> = {};
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const exchange = wire?.open({ method, path, origin: faultOrigin, headers });
    let reset = false;
    const writer = new ResponseWriter(res, () => {
      reset = true;
    });
    const caller = new SyntheticController(exchange ? exchange.observe(writer) : writer);
    res.on('close', () => {
      if (res.writableFinished || reset) return;
      exchange?.clientClosed();
      caller.abort(Object.assign(new Error('The client closed the request'), { code: 'UND_ERR_ABORTED' }));
    });
    caller.start();
    const id = String(++seq);
    const hasBody =
      req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
    const forward = (effect: Parameters<typeof createBodyEffectHandler>[1]) => {
      exchange?.markUpstream();
      pool.dispatch(
        { origin: upstream, path, method: method as 'GET', headers, body: hasBody ? req : null },
        createBodyEffectHandler(caller, effect, faults.clock),
      );
    };
    // Built only when faults are in force; its signal cuts an injected delay when the client leaves.
    const request = () => {
      const abort = new AbortController();
      caller.onAbort((reason) => abort.abort(reason));
      return new Request(new URL(path, faultOrigin), {
        method,
        headers: { ...headers, [FAULT_REQUEST_ID_HEADER]: id },
        signal: abort.signal,
      });
    };
    // No fault in force: forward at once (no promise, no MSW request).
    if (faults.handlers.length === 0) forward(undefined);
    else void decideHttpFault(faults, request, id, caller, forward);
  };

  const server = createServer({ keepAliveTimeout: 5_000 }, onRequest);
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    faults,
    async close() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
      await pool.destroy();
    },
  };
}
