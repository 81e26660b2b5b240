import { type BreakerCommand, callOnce } from '../breaker-command.ts';
import type { BreakerModel } from '../breaker-model.ts';
import type { BreakerSystem } from '../breaker-system.ts';

/** A call that fails (a 5xx or a network error) after durationMs. */
export class CallFails implements BreakerCommand {
  constructor(readonly durationMs: number) {}

  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    callOnce(m, s, 'failure', this.durationMs, this.toString());
  }

  toString(): string {
    return `CallFails(${this.durationMs}ms)`;
  }
}
