import type { Dispatcher } from 'undici';
import type { Clock } from '../../../time/clock.ts';
import { type SyntheticController, socketError } from '../../dispatch/synthetic-controller.ts';
import type { BodyEffect } from './http-fault-spec.ts';

/** Interval between slices of a slowed body, ms. */
const SLOW_BODY_TICK_MS = 100;

/**
 * The handler given to the real transport when a request passes through the fault
 * interceptor. It forwards the real response to the caller's (synthetic) controller,
 * applying a body effect on the way:
 *
 *   transport --> [this handler: truncate | malformed | slow | as is] --> caller's handler
 *
 * - truncate: at most `bytes` bytes of the body, then a connection-reset error;
 * - malformed: the body cut in half plus bytes that are not JSON (content-length removed);
 * - slow: the body re-paced on the clock at `bytesPerSec` (slices every 100 ms).
 */
export function createBodyEffectHandler(
  caller: SyntheticController,
  effect: BodyEffect | undefined,
  clock: Clock,
): Dispatcher.DispatchHandler {
  let sent = 0;
  let truncatedWith: Error | undefined;
  const buffered: Buffer[] = [];
  const slow = effect?.kind === 'slow' ? createPacer(caller, effect.bytesPerSec, clock) : undefined;

  return {
    onRequestStart(controller) {
      caller.link(controller);
    },
    onResponseStart(_controller, status, headers, message) {
      const out = { ...headers } as Record<string, string | string[]>;
      if (effect?.kind === 'malformed') delete out['content-length'];
      caller.headers(status, out, message);
    },
    onResponseData(controller, chunk) {
      if (truncatedWith) return;
      if (effect?.kind === 'truncate') {
        const room = effect.bytes - sent;
        caller.data(chunk.subarray(0, Math.max(0, room)));
        sent += Math.min(chunk.length, Math.max(0, room));
        if (chunk.length >= room) {
          truncatedWith = socketError(
            'ECONNRESET',
            `Faultline truncated the response body after ${effect.bytes} bytes (connection reset)`,
          );
          controller.abort(truncatedWith);
        }
        return;
      }
      if (effect?.kind === 'malformed') buffered.push(chunk);
      else if (slow) slow.push(chunk);
      else caller.data(chunk);
    },
    onResponseEnd() {
      if (truncatedWith) return caller.fail(truncatedWith, true);
      if (effect?.kind === 'malformed') {
        caller.data(malform(Buffer.concat(buffered)));
        return caller.end();
      }
      if (slow) {
        caller.unlink();
        return slow.end();
      }
      caller.end();
    },
    onResponseError(_controller, error) {
      slow?.cancel();
      caller.fail(truncatedWith ?? error, true);
    },
  };
}

/** Half the body and then bytes no JSON parser accepts. */
function malform(body: Buffer): Buffer {
  return Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from('<<faultline:malformed')]);
}

/** Re-emits pushed bytes at `bytesPerSec` on the clock, then ends. */
function createPacer(caller: SyntheticController, bytesPerSec: number, clock: Clock) {
  const queue: Buffer[] = [];
  let ended = false;
  let cancelTimer: (() => void) | undefined;
  const tickMs = bytesPerSec * (SLOW_BODY_TICK_MS / 1000) >= 1 ? SLOW_BODY_TICK_MS : 1000 / bytesPerSec;
  const sliceBytes = Math.max(1, Math.floor((bytesPerSec * tickMs) / 1000));
  caller.onAbort(() => cancelTimer?.());

  const tick = () => {
    cancelTimer = undefined;
    if (caller.aborted || caller.finished) return;
    let room = sliceBytes;
    const out: Buffer[] = [];
    while (room > 0 && queue.length > 0) {
      const head = queue[0]!;
      out.push(head.subarray(0, room));
      if (head.length <= room) queue.shift();
      else queue[0] = head.subarray(room);
      room -= Math.min(room, head.length);
    }
    if (out.length > 0) caller.data(Buffer.concat(out));
    if (queue.length > 0) schedule();
    else if (ended) caller.end();
  };
  const schedule = () => {
    cancelTimer ??= clock.setTimer(tickMs, tick);
  };

  return {
    push(chunk: Buffer) {
      queue.push(chunk);
      schedule();
    },
    end() {
      ended = true;
      schedule();
    },
    cancel() {
      cancelTimer?.();
      cancelTimer = undefined;
    },
  };
}
