/**
 * `faultline/vitest`: fault injection inside your own vitest tests (docs/testing-with-vitest.md).
 * `useFaults` starts the fault proxy (or uses `TOXIPROXY_URL`) and a proxy per dependency once
 * per file, and applies TCP toxics or HTTP faults for one test or one block, undone
 * automatically. `FaultSession` is the same without vitest. Needs `vitest` (a peer dependency).
 *
 * @example
 * import { useFaults } from 'faultline/vitest';
 * const faults = useFaults({ upstreams: { payments: 'http://127.0.0.1:4010' } });
 */

export type { HttpFaultSpec } from '../scenario/faults/http/http-fault-spec.ts';
export type { FaultSpec, TcpFaultInput } from './fault-session.ts';
export { FaultSession } from './fault-session.ts';
export type { FaultSessionOptions, ReceivedRequest, UpstreamSpec } from './fault-session-options.ts';
export type { Faults } from './use-faults.ts';
export { useFaults } from './use-faults.ts';
