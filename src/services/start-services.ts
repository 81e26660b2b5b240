import { createServiceHandler } from './create-service-handler.ts';
import { type ServedHandler, serveHandler } from './serve-handler.ts';
import { SERVICE_NAMES, type ServiceName } from './service-names.ts';

export interface StartServicesOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Services listen on portBase+1 … portBase+5 in SERVICE_NAMES order; 0 puts each on a
   * free port.
   * @default 0
   */
  portBase?: number;
  /**
   * Answer `POST /_faultline/state` (provider states, for Pact verification).
   * @default false
   */
  states?: boolean;
  /** Start only these services. @default all five */
  only?: readonly ServiceName[];
}

export interface RunningServices {
  /** Base URL of each started service (only those started when `only` is given). */
  urls: Record<ServiceName, string>;
  /** Closes every server gracefully. */
  close(): Promise<void>;
}

/**
 * Starts the reference services over HTTP.
 *
 * @example
 * const services = await startServices();
 * await fetch(`${services.urls.search}/v1/search?q=retry`);
 * await services.close();
 */
export async function startServices(options: StartServicesOptions = {}): Promise<RunningServices> {
  const host = options.host ?? '127.0.0.1';
  const portBase = options.portBase ?? 0;
  const names = options.only ?? SERVICE_NAMES;
  // Undo stack: if the third service cannot bind, the first two are closed again.
  const started: ServedHandler[] = [];
  const urls = {} as Record<ServiceName, string>;
  try {
    for (const name of SERVICE_NAMES) {
      if (!names.includes(name)) continue;
      const port = portBase === 0 ? 0 : portBase + 1 + SERVICE_NAMES.indexOf(name);
      const served = await serveHandler(createServiceHandler(name, { states: options.states ?? false }), {
        host,
        port,
      });
      started.push(served);
      urls[name] = served.url;
    }
  } catch (err) {
    await Promise.all(started.reverse().map((s) => s.close()));
    throw err;
  }
  return {
    urls,
    close: async () => {
      await Promise.all(started.reverse().map((s) => s.close()));
    },
  };
}
