/**
 * `faultline/proxy`: the embedded Toxiproxy-compatible fault proxy. It speaks Toxiproxy's
 * admin API (routes, JSON shapes, errors: docs/toxics.md), so any Toxiproxy client drives it.
 *
 * @example
 * import { startFaultProxy } from 'faultline/proxy';
 * const proxy = await startFaultProxy({ port: 0, config: [{ name: 'db', upstream: '127.0.0.1:5432' }] });
 * await proxy.close();
 */

export type { ProxyConfig } from './proxy-config.ts';
export type { FaultProxy, FaultProxyOptions } from './start-fault-proxy.ts';
export { faultProxyDefaults, startFaultProxy } from './start-fault-proxy.ts';
