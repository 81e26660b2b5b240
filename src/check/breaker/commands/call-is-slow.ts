import { type BreakerCommand, callOnce } from '../breaker-command.ts';
import type { BreakerModel } from '../breaker-model.ts';
import type { BreakerSystem } from '../breaker-system.ts';

/** A call that succeeds but slowly: slowCallDurationMs + extraMs (>= the slow threshold). */
export class CallIsSlow implements BreakerCommand {
  private durationMs = Number.NaN;

  constructor(readonly extraMs: number) {}

  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    this.durationMs = m.options.slowCallDurationMs + this.extraMs;
    callOnce(m, s, 'success', this.durationMs, this.toString());
  }

  toString(): string {
    return `CallIsSlow(${Number.isNaN(this.durationMs) ? `slow+${this.extraMs}` : this.durationMs}ms)`;
  }
}
