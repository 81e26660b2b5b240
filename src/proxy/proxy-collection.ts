import { apiError } from './api/api-error.ts';
import { resolveListenAddress } from './listen-address.ts';
import type { ProxyConfig } from './proxy-config.ts';
import { type ProxyEnvironment, TcpProxy } from './tcp-proxy.ts';
import { type ToxicJson, toxicJson } from './toxic-wrapper.ts';

/** The wire JSON of a proxy, fields in Toxiproxy's order. */
export interface ProxyJson {
  name: string;
  listen: string;
  upstream: string;
  enabled: boolean;
  toxics: ToxicJson[];
}

export function proxyJson(proxy: TcpProxy): ProxyJson {
  return {
    name: proxy.name,
    listen: proxy.listen,
    upstream: proxy.upstream,
    enabled: proxy.enabled,
    toxics: proxy.toxicList().map(toxicJson),
  };
}

/** Every proxy by name, and the operations the API performs on them. */
export class ProxyCollection {
  private readonly proxies = new Map<string, TcpProxy>();

  constructor(private readonly env: ProxyEnvironment) {}

  all(): TcpProxy[] {
    return [...this.proxies.values()];
  }

  get(name: string): TcpProxy {
    const proxy = this.proxies.get(name);
    if (proxy === undefined) throw apiError('proxyNotFound');
    return proxy;
  }

  /** Creates a proxy; 409 when the name is taken; a listen error leaves nothing behind. */
  async add(config: Required<ProxyConfig>): Promise<TcpProxy> {
    if (this.proxies.has(config.name)) throw apiError('proxyAlreadyExists');
    const proxy = new TcpProxy(config.name, config.listen, config.upstream, this.env);
    if (config.enabled) await proxy.start();
    this.proxies.set(config.name, proxy);
    return proxy;
  }

  /**
   * POST /populate after validation: an existing proxy with the same listen (compared
   * resolved: `localhost:28640` is `127.0.0.1:28640`) and upstream is kept as is, with its
   * toxics and live connections; otherwise it is replaced. Stops at the first listen error and returns
   * what was done so far with the error.
   */
  async populate(configs: Array<Required<ProxyConfig>>): Promise<{ proxies: TcpProxy[]; error?: unknown }> {
    const proxies: TcpProxy[] = [];
    for (const config of configs) {
      const existing = this.proxies.get(config.name);
      const proxy = new TcpProxy(config.name, config.listen, config.upstream, this.env);
      try {
        if (existing !== undefined) {
          if (!(await differs(existing, config))) {
            proxies.push(existing);
            continue;
          }
          await existing.stop();
          this.proxies.delete(config.name);
        }
        if (config.enabled) await proxy.start();
      } catch (error) {
        return { proxies, error };
      }
      this.proxies.set(config.name, proxy);
      proxies.push(proxy);
    }
    return { proxies };
  }

  /** Applies a proxy update: a new listen (compared resolved) or upstream restarts it; `enabled` starts or stops it. */
  async update(
    proxy: TcpProxy,
    input: { listen: string; upstream: string; enabled: boolean },
  ): Promise<void> {
    if (await differs(proxy, input)) {
      const wasEnabled = proxy.enabled;
      await proxy.stop();
      proxy.listen = input.listen;
      proxy.upstream = input.upstream;
      if (wasEnabled && input.enabled) return proxy.start();
    }
    if (input.enabled && !proxy.enabled) await proxy.start();
    else if (!input.enabled && proxy.enabled) await proxy.stop();
  }

  async remove(name: string): Promise<void> {
    const proxy = this.get(name);
    this.proxies.delete(name);
    await proxy.stop();
  }

  /** POST /reset: every proxy enabled again, every toxic removed. */
  async reset(): Promise<void> {
    for (const proxy of this.proxies.values()) {
      await proxy.start();
      await proxy.removeAllToxics();
    }
  }

  /** Stops every proxy (server shutdown). */
  async close(): Promise<void> {
    await Promise.all(this.all().map((p) => p.stop()));
    this.proxies.clear();
  }
}

/**
 * Whether `config` names another listener or upstream than `proxy` has, as Toxiproxy's
 * `Differs`: the new listen is resolved first (`localhost:28640` equals a proxy bound on
 * `127.0.0.1:28640`); the upstream is compared as written. A listen that does not resolve
 * is an error (answered 500, like Toxiproxy).
 */
async function differs(proxy: TcpProxy, config: { listen: string; upstream: string }): Promise<boolean> {
  if (proxy.upstream !== config.upstream) return true;
  if (proxy.listen === config.listen) return false;
  const resolved = await resolveListenAddress(config.listen);
  return resolved === undefined || resolved.address !== proxy.listen;
}
