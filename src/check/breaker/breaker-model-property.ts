import fc from 'fast-check';
import { resolveBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';
import type { BreakerOptions } from '../../client/client-types.ts';
import { breakerCommandsArbitrary } from './breaker-arbitraries.ts';
import type { BreakerCommand } from './breaker-command.ts';
import { createBreakerModel } from './breaker-model.ts';
import { createBreakerSystem } from './breaker-system.ts';

/**
 * Model-based property of the circuit breaker: any sequence of calls, slow calls,
 * probes started and ended in any order, time steps, isolate and reset leaves the real
 * breaker agreeing with the simple model after every step (see checkAgreement for the
 * invariants).
 *
 * @example
 * await fc.assert(breakerModelProperty(breakerOptionsArbitrary('consecutive')), { numRuns: 200 });
 */
export function breakerModelProperty(
  options: fc.Arbitrary<BreakerOptions>,
  maxCommands = 100,
): fc.IAsyncPropertyWithHooks<[BreakerOptions, Iterable<BreakerCommand>]> {
  return fc.asyncProperty(options, breakerCommandsArbitrary(maxCommands), async (o, commands) => {
    const setup = () => ({
      model: createBreakerModel(resolveBreakerOptions(o)),
      real: createBreakerSystem(o),
    });
    await fc.asyncModelRun(setup, commands);
  });
}
