import { presenceCheck, strictObject } from '../../config/fields.ts';
import { type HttpFault, httpFaultSchema } from './http-fault-schema.ts';
import { type TcpFault, tcpFaultSchema } from './tcp-fault-schema.ts';

/**
 * One fault of a phase: exactly one of `tcp` (through Toxiproxy, real time only) or `http`
 * (in the client's transport, real or virtual time). Applied at the phase start, removed at
 * its end.
 */
export type Fault = { tcp: TcpFault; http?: undefined } | { http: HttpFault; tcp?: undefined };

const presence = presenceCheck(['tcp', 'http'], 'exactly-one');

export const faultSchema = strictObject(
  {
    tcp: tcpFaultSchema.optional().describe('A tcp-level fault through the Toxiproxy API (real time only).'),
    http: httpFaultSchema.optional().describe('An http-level fault in the client transport.'),
  },
  'a fault object { tcp: {...} } or { http: {...} }',
)
  .refine(presence.check, presence.params)
  .transform((value): Fault => (value.tcp ? { tcp: value.tcp } : { http: value.http! }))
  .meta({ oneOf: [{ required: ['tcp'] }, { required: ['http'] }] });

/** True when the fault is tcp-level (needs a real proxy, so real time). */
export function isTcpFault(fault: Fault): fault is { tcp: TcpFault } {
  return fault.tcp !== undefined;
}
