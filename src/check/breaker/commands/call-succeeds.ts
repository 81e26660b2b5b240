import { type BreakerCommand, callOnce } from '../breaker-command.ts';
import type { BreakerModel } from '../breaker-model.ts';
import type { BreakerSystem } from '../breaker-system.ts';

/** A call that succeeds quickly: duration = fraction * slowCallDurationMs (never slow). */
export class CallSucceeds implements BreakerCommand {
  private durationMs = Number.NaN;

  constructor(readonly fraction: number) {}

  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    const slow = m.options.slowCallDurationMs;
    this.durationMs = Math.min(slow - 1e-3, Math.floor(this.fraction * slow));
    callOnce(m, s, 'success', this.durationMs, this.toString());
  }

  toString(): string {
    return `CallSucceeds(${Number.isNaN(this.durationMs) ? `fraction=${this.fraction}` : `${this.durationMs}ms`})`;
  }
}
