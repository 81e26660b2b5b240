import {
  type BulkheadCommand,
  type BulkheadModel,
  type BulkheadSystem,
  checkAgreement,
  startCall,
} from '../bulkhead-model.ts';

/** A call asks for a slot, willing to wait in the queue for at most `deadlineMs`. */
export class Acquire implements BulkheadCommand {
  private id = -1;

  constructor(readonly deadlineMs: number) {}

  check(): boolean {
    return true;
  }

  async run(m: BulkheadModel, s: BulkheadSystem): Promise<void> {
    const id = m.nextId++;
    this.id = id;
    const deadlineAt = m.now + this.deadlineMs;
    if (m.running.length < m.maxConcurrent && m.queue.length === 0) {
      m.running.push(id);
      m.admitted.push(id);
    } else if (m.queue.length < m.maxQueue) {
      m.queue.push({ id, deadlineAt });
    } else {
      m.failed.set(id, 'full');
      m.rejections++;
    }
    startCall(s, id, deadlineAt);
    await checkAgreement(m, s, this.toString());
  }

  toString(): string {
    return `Acquire(#${this.id < 0 ? '?' : this.id}, deadline ${this.deadlineMs}ms)`;
  }
}
