import { Toxiproxy, type Proxy as ToxiproxyProxy } from 'toxiproxy-node-client';
import { FaultlineError } from '../../../errors/faultline-error.ts';
import type { TcpFault } from '../../schema/tcp-fault-schema.ts';
import type { UndoStack } from '../../undo-stack.ts';
import { freePort } from './free-port.ts';

export interface TcpFaultTargetOptions {
  /** Toxiproxy admin API, e.g. `http://127.0.0.1:8474` (embedded proxy or a real Toxiproxy). */
  toxiproxyUrl: string;
  /** Proxy name (unique per scenario). */
  name: string;
  /** The service's `host:port` the proxy forwards to. */
  upstream: string;
  /**
   * Listen on port 0 and read the real port back (the embedded proxy reports it). A real
   * Toxiproxy elsewhere is given a port found free on this host instead.
   * @default true
   */
  listenOnPortZero?: boolean;
  /** Receives the undo of every change. */
  undo: UndoStack;
}

/**
 * One scenario's Toxiproxy proxy in front of its service, and the tcp faults applied to it
 * (toxics with stream/toxicity/attributes; `down` = the proxy disabled). Every change
 * pushes its undo, so draining the stack leaves no toxic, no disabled proxy and no proxy.
 *
 * @example
 * const target = await TcpFaultTarget.create({ toxiproxyUrl, name: 'faultline-outage', upstream: '127.0.0.1:7001', undo });
 * const client = createClient({ service, baseUrl: target.baseUrl });
 * await target.apply([{ toxic: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 500 } }], 'slow', phaseUndo);
 */
export class TcpFaultTarget {
  private constructor(
    private proxy: ToxiproxyProxy,
    /** `http://host:port` of the proxy's listener. */
    readonly baseUrl: string,
  ) {}

  static async create(o: TcpFaultTargetOptions): Promise<TcpFaultTarget> {
    const toxiproxy = new Toxiproxy(o.toxiproxyUrl);
    const listen = `127.0.0.1:${o.listenOnPortZero === false ? await freePort() : 0}`;
    const existing = await toxiproxy.get(o.name).catch(() => undefined);
    // A proxy left by a run that was killed without cleanup: replace it.
    if (existing) await existing.remove();
    let proxy: ToxiproxyProxy;
    try {
      proxy = await toxiproxy.createProxy({ name: o.name, listen, upstream: o.upstream, enabled: true });
    } catch (err) {
      throw new FaultlineError(
        'FAULTLINE_TOXIPROXY_FAILED',
        `Failed to create Toxiproxy proxy "${o.name}" (${listen} -> ${o.upstream}) at ${o.toxiproxyUrl}: ${(err as Error).message}. ` +
          'Check that the Toxiproxy API is reachable (`toxiproxyUrl`).',
        { cause: err },
      );
    }
    o.undo.push(`delete proxy ${o.name}`, () => proxy.remove());
    return new TcpFaultTarget(proxy, `http://${proxy.listen}`);
  }

  /** Applies `faults` (named after `phase`), pushing each undo on `undo`. */
  async apply(faults: TcpFault[], phase: string, undo: UndoStack): Promise<void> {
    for (const [i, fault] of faults.entries()) {
      if ('down' in fault) {
        const { name, listen, upstream } = this.proxy;
        this.proxy = await this.proxy.update({ enabled: false, listen, upstream });
        undo.push(`enable proxy ${name}`, async () => {
          this.proxy = await this.proxy.update({ enabled: true, listen, upstream });
        });
        continue;
      }
      const name = `${phase}-${i}-${fault.toxic}`;
      const toxic = await this.proxy.addToxic({
        name,
        type: fault.toxic as never,
        stream: fault.stream,
        toxicity: fault.toxicity,
        attributes: fault.attributes as never,
      });
      undo.push(`remove toxic ${name}`, () => toxic.remove());
    }
  }
}
