import { Dispatcher } from 'undici';

/**
 * An undici Dispatcher that hands each request to the dispatcher of its origin. The runner
 * uses it in virtual time to serve several instances of a reference service (`upstreams: N`)
 * as N in-process origins, each with its own handler state, behind the one dispatcher the
 * client takes.
 *
 * @example
 * const router = new OriginRouterDispatcher(new Map([
 *   ['http://search-1.virtual', new InProcessDispatcher(createServiceHandler('search'))],
 *   ['http://search-2.virtual', new InProcessDispatcher(createServiceHandler('search'))],
 * ]));
 */
export class OriginRouterDispatcher extends Dispatcher {
  constructor(private readonly routes: ReadonlyMap<string, Dispatcher>) {
    super();
  }

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = new URL(String(opts.origin ?? '')).origin;
    const target = this.routes.get(origin);
    if (target === undefined) {
      throw Object.assign(
        new Error(
          `Failed to route a request to ${origin}: no upstream instance has that origin (known: ${[...this.routes.keys()].join(', ')})`,
        ),
        { code: 'UND_ERR_INVALID_ARG' },
      );
    }
    return target.dispatch(opts, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const done = Promise.all([...this.routes.values()].map((d) => d.close())).then(() => undefined);
    if (callback) {
      void done.then(callback);
      return;
    }
    return done;
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(a?: unknown, b?: unknown): Promise<void> | void {
    const err = a instanceof Error ? a : null;
    const callback = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
    const done = Promise.all([...this.routes.values()].map((d) => d.destroy(err))).then(() => undefined);
    if (callback) {
      void done.then(callback as () => void);
      return;
    }
    return done;
  }
}
