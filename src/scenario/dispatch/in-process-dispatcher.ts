import { Dispatcher } from 'undici';
import type { ServiceHandler } from '../../services/service-handler.ts';
import { SyntheticController } from './synthetic-controller.ts';
import { headersOf, toDispatchHandler } from './to-dispatch-handler.ts';

/**
 * An undici Dispatcher that answers from a service's pure request handler, in process: no
 * socket, no timer, no I/O. The runner uses it as the upstream of virtual-time scenarios
 * so that every delay comes from the ManualClock and a run is deterministic for its seed.
 *
 * @example
 * const upstream = new InProcessDispatcher(createInferenceHandler());
 * const client = createClient({ service: 'inference', baseUrl: 'http://inference.local', dispatcher: upstream });
 */
export class InProcessDispatcher extends Dispatcher {
  private closed = false;

  constructor(private readonly serve: ServiceHandler) {
    super();
  }

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const controller = new SyntheticController(toDispatchHandler(handler));
    controller.start();
    if (this.closed) {
      controller.fail(
        Object.assign(new Error('The in-process dispatcher is closed'), { code: 'UND_ERR_CLOSED' }),
      );
      return true;
    }
    void this.answer(opts, controller).catch((err) =>
      controller.fail(err instanceof Error ? err : new Error(String(err))),
    );
    return true;
  }

  private async answer(opts: Dispatcher.DispatchOptions, controller: SyntheticController): Promise<void> {
    const url = new URL(opts.path, 'http://in-process.local');
    const body = await readBody(opts.body);
    if (controller.aborted) return;
    const response = await this.serve({
      method: String(opts.method).toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: headersOf(opts),
      body,
    });
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(response.headers)) headers[k.toLowerCase()] = v;
    const bytes = typeof response.body === 'string' ? Buffer.from(response.body) : Buffer.from(response.body);
    headers['content-length'] = String(bytes.length);
    controller.headers(response.status, headers);
    controller.data(bytes);
    controller.end();
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    this.closed = true;
    if (callback) {
      queueMicrotask(callback);
      return;
    }
    return Promise.resolve();
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(a?: unknown, b?: unknown): Promise<void> | void {
    this.closed = true;
    const callback = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
    if (callback) {
      queueMicrotask(callback as () => void);
      return;
    }
    return Promise.resolve();
  }
}

async function readBody(body: Dispatcher.DispatchOptions['body']): Promise<Uint8Array> {
  if (body == null) return new Uint8Array();
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError(`Unsupported request body type for the in-process dispatcher: ${typeof body}`);
}
