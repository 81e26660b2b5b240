import type { BreakerCommand } from '../breaker-command.ts';
import { type BreakerModel, modelReset } from '../breaker-model.ts';
import { type BreakerSystem, checkAgreement } from '../breaker-system.ts';

/** An operator resets the circuit to closed, forgetting counts and calls in flight. */
export class Reset implements BreakerCommand {
  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    modelReset(m);
    s.breaker.reset();
    checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return 'Reset()';
  }
}
