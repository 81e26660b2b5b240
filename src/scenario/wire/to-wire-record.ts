import type { WireRecord } from '../../report/run-events.ts';
import type { WireEntry } from './wire-log.ts';

/**
 * A wire log entry as an event-log record: `t` relative to the scenario start, the phase
 * the request arrived in, and the upstream instance when the scenario has several.
 */
export function toWireRecord(
  entry: WireEntry,
  at: {
    scenario: string;
    t0: number;
    phaseAt(reading: number): string;
    endpointOf(origin: string): number | undefined;
  },
): WireRecord {
  const { startedAt, origin, ...rest } = entry;
  const endpoint = at.endpointOf(origin);
  return {
    type: 'wire',
    scenario: at.scenario,
    phase: at.phaseAt(startedAt),
    t: startedAt - at.t0,
    ...rest,
    ...(endpoint !== undefined ? { endpoint } : {}),
  };
}
