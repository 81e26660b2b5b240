/**
 * Why this exists: a closed-loop worker yields one macrotask between calls so that instant
 * calls cannot starve timers and I/O. With a million workers, one macrotask turn still runs
 * a million calls before Node looks at I/O and signals again (SIGINT was ignored for 20 s).
 * The gate lets at most `perTurn` waiters through per turn of the event loop, so the loop
 * polls I/O and delivers signals after every `perTurn` calls whatever the concurrency.
 *
 * @example
 * const gate = new MacrotaskGate(1000);
 * await gate.pass(); // resolves in a later macrotask, at most 1000 per turn
 */
/** Waiters held by every gate of the process (virtual time must not advance past them). */
let waitingEverywhere = 0;

/**
 * True while some gate still holds waiters: work that is queued, not idle. The virtual-time
 * loop keeps turning, without advancing the clock, until it is false.
 */
export function gatesBusy(): boolean {
  return waitingEverywhere > 0;
}

export class MacrotaskGate {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /** @param perTurn waiters released per event-loop turn. @default 1000 */
  constructor(readonly perTurn = 1000) {}

  /** Resolves in a later macrotask, in order of calls, at most `perTurn` per turn. */
  pass(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      waitingEverywhere++;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // An immediate queued from inside an immediate runs on the NEXT turn, after the poll phase.
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.waiting.splice(0, this.perTurn);
      waitingEverywhere -= batch.length;
      for (const resolve of batch) resolve();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
