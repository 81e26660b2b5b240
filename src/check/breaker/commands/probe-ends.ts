import type { BreakerCommand } from '../breaker-command.ts';
import { type BreakerModel, type ModelOutcome, modelSettle } from '../breaker-model.ts';
import { type BreakerSystem, checkAgreement } from '../breaker-system.ts';

/** One of the calls in flight (picked by index) finishes with an outcome, slow or not. */
export class ProbeEnds implements BreakerCommand {
  private detail = '';

  constructor(
    readonly index: number,
    readonly outcome: ModelOutcome,
    readonly slow: boolean,
  ) {}

  check(m: Readonly<BreakerModel>): boolean {
    return m.held.length > 0;
  }

  async run(m: BreakerModel, s: BreakerSystem): Promise<void> {
    const i = this.index % m.held.length;
    const [ticket] = m.held.splice(i, 1);
    const [permit] = s.held.splice(i, 1);
    const durationMs = this.slow ? m.options.slowCallDurationMs : 0;
    const stale = ticket!.generation !== m.generation;
    this.detail = `#${i} of ${m.held.length + 1}, ${stale ? 'stale ' : ''}${ticket!.probe ? 'probe' : 'call'}`;
    modelSettle(m, ticket!, this.outcome, durationMs);
    if (this.outcome === 'ignore') permit!.ignore();
    else permit![this.outcome](durationMs);
    checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return `ProbeEnds(${this.outcome}${this.slow ? ', slow' : ''}${this.detail ? `, ${this.detail}` : `, index=${this.index}`})`;
  }
}
