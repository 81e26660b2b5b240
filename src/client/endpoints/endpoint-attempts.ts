import type { Clock } from '../../time/clock.ts';
import type { AttemptHandler, AttemptObserver, AttemptTransport } from '../transport/attempt-handler.ts';
import { sendAttempt } from '../transport/send-attempt.ts';
import type { StartAttempt } from '../transport/start-attempt.ts';
import { endpointOutcome } from './endpoint-outcome.ts';
import { EndpointSet } from './endpoint-set.ts';
import { HealthProber } from './health-prober.ts';
import type { ResolvedEndpointGroup } from './resolve-endpoint-options.ts';

/**
 * The endpoint stage of an attempt: picks the endpoint, sends to its transport, and reports
 * the outcome to the EndpointSet (outlier detection, in-flight counts) when the attempt
 * settles. Why an observer on the attempt rather than a `then` on its promise: the report
 * then costs no promise and no closure per attempt, and arrives before anyone awaits it.
 *
 * @example
 * const endpoints = new EndpointAttempts(group, clock, (origin) => transportFor(origin));
 * const attempt = endpoints.start(request, info, timeoutAt, timeoutMs);
 */
export class EndpointAttempts implements AttemptObserver {
  readonly set: EndpointSet;
  private readonly transports: AttemptTransport[];
  private readonly prober: HealthProber | undefined;

  constructor(
    group: ResolvedEndpointGroup,
    clock: Clock,
    transportFor: (origin: string) => AttemptTransport,
  ) {
    const { endpoints, healthCheck } = group;
    this.set = new EndpointSet(
      endpoints,
      {
        loadBalancing: group.loadBalancing,
        outlierDetection: group.outlierDetection,
        healthCheck,
      },
      clock,
    );
    this.transports = endpoints.map((e) => transportFor(e.origin));
    if (healthCheck !== undefined) {
      this.prober = new HealthProber(this.set, healthCheck, clock);
      this.prober.start();
    }
  }

  readonly start: StartAttempt = (request, _info, timeoutAt, timeoutMs) => {
    const index = this.set.acquire();
    return sendAttempt(this.transports[index]!, request, timeoutAt, timeoutMs, this, index);
  };

  attemptSettled(attempt: AttemptHandler, status: number | undefined, errorCode: string | undefined): void {
    this.set.release(attempt.endpoint, endpointOutcome(status, errorCode));
  }

  async close(): Promise<void> {
    await this.prober?.close();
  }
}
