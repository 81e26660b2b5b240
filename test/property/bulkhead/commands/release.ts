import {
  type BulkheadCommand,
  type BulkheadModel,
  type BulkheadSystem,
  checkAgreement,
} from '../bulkhead-model.ts';

/** One of the running calls (picked by index) finishes and leaves; the oldest waiter takes its slot. */
export class Release implements BulkheadCommand {
  private id = -1;

  constructor(readonly pick: number) {}

  check(m: Readonly<BulkheadModel>): boolean {
    return m.running.length > 0;
  }

  async run(m: BulkheadModel, s: BulkheadSystem): Promise<void> {
    const [id] = m.running.splice(this.pick % m.running.length, 1) as [number];
    this.id = id;
    const next = m.queue.shift();
    if (next !== undefined) {
      m.running.push(next.id);
      m.admitted.push(next.id);
    }
    const call = s.calls.get(id)!;
    call.state = 'released';
    s.bulkhead.leave();
    await checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return `Release(#${this.id < 0 ? `pick ${this.pick}` : this.id})`;
  }
}
