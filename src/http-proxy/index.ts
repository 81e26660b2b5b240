/**
 * `faultline/http-proxy`: the HTTP fault proxy, for putting a scenario's HTTP faults in
 * front of any client (any language) and recording what crosses the wire.
 */
export { HttpFaultSet } from '../scenario/faults/http/http-fault-set.ts';
export type { HttpFaultSpec } from '../scenario/faults/http/http-fault-spec.ts';
export { CALL_TAG_HEADER } from '../scenario/wire/wire-headers.ts';
export { type WireEntry, WireLog } from '../scenario/wire/wire-log.ts';
export {
  type HttpFaultProxy,
  type HttpFaultProxyOptions,
  startHttpFaultProxy,
} from './start-http-fault-proxy.ts';
