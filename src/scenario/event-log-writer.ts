import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redact } from '../redaction/redact.ts';
import type { RunEvent } from '../report/run-events.ts';

/**
 * Appends run events to the NDJSON event log (src/report/run-events.ts), one JSON object
 * per line, as they happen. Lines go to the file through a stream (no write blocks the
 * load), `flush()` waits until everything written so far is on disk, and `close()` ends
 * the file. A run that is interrupted flushes and closes in its cleanup, so the log keeps
 * every event recorded up to the interruption.
 *
 * @example
 * const log = await EventLogWriter.open('reports/latest/events.ndjson');
 * log.write({ type: 'run-end', t: 1200, interrupted: false });
 * await log.close();
 */
export class EventLogWriter {
  private closed = false;
  /** Events written, by type (for the progress line and tests). */
  readonly counts = new Map<RunEvent['type'], number>();
  private readonly listeners: Array<(event: RunEvent) => void> = [];

  private constructor(
    private readonly stream: WriteStream,
    /** Path of the log file. */
    readonly path: string,
  ) {}

  /** Creates (or truncates) the log at `path`, creating its directory. */
  static async open(path: string): Promise<EventLogWriter> {
    await mkdir(dirname(path), { recursive: true });
    const stream = createWriteStream(path, { flags: 'w', encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return new EventLogWriter(stream, path);
  }

  /** Calls `listener` with every event written after this call (progress, live verdicts). */
  onEvent(listener: (event: RunEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Appends one event. Ignored after close (a late call finishing during cleanup). */
  write(event: RunEvent): void {
    if (this.closed) return;
    this.counts.set(event.type, (this.counts.get(event.type) ?? 0) + 1);
    // call/attempt/breaker/wire records hold only numbers, codes, paths and tags; every other
    // record can carry scenario input (request headers, bodies, error messages), so it is redacted.
    const line =
      event.type === 'call' || event.type === 'attempt' || event.type === 'breaker' || event.type === 'wire'
        ? event
        : redact(event);
    this.stream.write(`${JSON.stringify(line)}\n`);
    for (const listener of this.listeners) listener(event);
  }

  /** Resolves when every line written so far has reached the file. */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // An empty write's callback runs after every earlier write completed (writes are ordered).
    return new Promise((resolve, reject) => this.stream.write('', (err) => (err ? reject(err) : resolve())));
  }

  /** Flushes and closes the file; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
}
