import {
  type BulkheadCommand,
  type BulkheadModel,
  type BulkheadSystem,
  checkAgreement,
} from '../bulkhead-model.ts';

/** A queued call (picked by index) is aborted by its caller's signal: it leaves the queue, never gets a slot. */
export class CancelWaiter implements BulkheadCommand {
  private id = -1;

  constructor(readonly pick: number) {}

  check(m: Readonly<BulkheadModel>): boolean {
    return m.queue.length > 0;
  }

  async run(m: BulkheadModel, s: BulkheadSystem): Promise<void> {
    const [waiter] = m.queue.splice(this.pick % m.queue.length, 1);
    this.id = waiter!.id;
    m.failed.set(this.id, 'aborted');
    s.calls.get(this.id)!.controller.abort();
    await checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return `CancelWaiter(#${this.id < 0 ? `pick ${this.pick}` : this.id})`;
  }
}
