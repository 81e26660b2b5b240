import type { BreakerCommand } from '../breaker-command.ts';
import { type BreakerModel, modelIsolate } from '../breaker-model.ts';
import { type BreakerSystem, checkAgreement } from '../breaker-system.ts';

/** An operator isolates the circuit (held open until reset). */
export class Isolate implements BreakerCommand {
  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    modelIsolate(m);
    s.breaker.isolate();
    checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return 'Isolate()';
  }
}
