/**
 * A proxy as given to POST /proxies, POST /populate, a `--config` file or
 * `startFaultProxy({ config })`.
 *
 * @example
 * const config: ProxyConfig = { name: 'inference', listen: '127.0.0.1:0', upstream: '127.0.0.1:7001' };
 */
export interface ProxyConfig {
  /** Unique name; the API path is /proxies/{name}. */
  name: string;
  /** `host:port` to listen on; `''` or port 0 binds a free port. @default '' (127.0.0.1, a free port) */
  listen?: string;
  /** `host:port` every accepted connection is forwarded to. */
  upstream: string;
  /** Whether the listener is open. @default true */
  enabled?: boolean;
}
