import type { BreakerCommand } from '../breaker-command.ts';
import type { BreakerModel } from '../breaker-model.ts';
import { type BreakerSystem, checkAgreement } from '../breaker-system.ts';

/**
 * Time passes: a fixed number of ms, or exactly up to (or 1 ms short of) the moment an
 * open circuit may probe, so the reset-timeout boundary is hit on both sides.
 */
export type TimeStep = number | 'to-reopen' | 'just-before-reopen';

export class TimeAdvances implements BreakerCommand {
  private resolvedMs = Number.NaN;

  constructor(readonly step: TimeStep) {}

  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    const untilReopen = m.state === 'open' ? m.reopenAt - m.now : 0;
    const ms =
      this.step === 'to-reopen'
        ? Math.max(0, untilReopen)
        : this.step === 'just-before-reopen'
          ? Math.max(0, untilReopen - 1)
          : this.step;
    this.resolvedMs = ms;
    m.now += ms;
    await s.clock.advance(ms);
    checkAgreement(m, s, this.toString());
  }

  toString(): string {
    const step = typeof this.step === 'number' ? '' : `${this.step}=`;
    return `TimeAdvances(${step}${Number.isNaN(this.resolvedMs) ? '?' : this.resolvedMs}ms)`;
  }
}
