import { ConsecutiveStrategy } from './consecutive-strategy.ts';
import { CountWindowStrategy } from './count-window-strategy.ts';
import type { ResolvedBreakerOptions } from './resolve-breaker-options.ts';
import { SlowCallRateStrategy } from './slow-call-rate-strategy.ts';
import { TimeWindowStrategy } from './time-window-strategy.ts';
import type { TripStrategy } from './trip-strategy.ts';

/** The strategy object named by `options.strategy`. */
export function createTripStrategy(o: ResolvedBreakerOptions): TripStrategy {
  switch (o.strategy) {
    case 'consecutive':
      return new ConsecutiveStrategy(o.failureThreshold);
    case 'count-window':
      return new CountWindowStrategy(o);
    case 'time-window':
      return new TimeWindowStrategy(o);
    case 'slow-call-rate':
      return new SlowCallRateStrategy(o);
  }
}
