import { type BreakerCommand, startCall } from '../breaker-command.ts';
import type { BreakerModel } from '../breaker-model.ts';
import { type BreakerSystem, checkAgreement } from '../breaker-system.ts';

/**
 * A call starts and stays in flight (a probe when the circuit is half-open, an ordinary
 * call when closed). ProbeEnds finishes it later, possibly after the circuit moved on,
 * which is how stale results are produced.
 */
export class ProbeStarts implements BreakerCommand {
  private admitted: boolean | undefined;

  check(): boolean {
    return true;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    const call = startCall(m, s, this.toString());
    this.admitted = call !== undefined;
    if (call !== undefined) {
      m.held.push(call.ticket);
      s.held.push(call.permit);
    }
    checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return `ProbeStarts(${this.admitted === undefined ? '' : this.admitted ? 'admitted' : 'short-circuited'})`;
  }
}
