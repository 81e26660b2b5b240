/**
 * Faultline's public API. Every export is listed explicitly; internal modules never
 * import from this file.
 */
export { FaultlineError, isFaultlineError } from './errors/faultline-error.ts';
export { InvalidOptionsError } from './errors/invalid-options-error.ts';
export type { Disposable, Event } from './events/event.ts';
export { EventEmitter } from './events/event.ts';
export type { Cancel, Clock } from './time/clock.ts';
export { ManualClock } from './time/manual-clock.ts';
export type { Random } from './time/random.ts';
export { createRandom, deriveRandom } from './time/random.ts';
export { SystemClock, systemClock } from './time/system-clock.ts';
