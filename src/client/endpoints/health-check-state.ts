import type { ResolvedHealthCheckOptions } from './resolve-endpoint-options.ts';

/**
 * Active health check verdicts over `count` endpoints: `unhealthyThreshold` failing probes
 * in a row take an endpoint out, `healthyThreshold` passing probes in a row bring it back.
 * Endpoints start healthy, so a client is usable before its first probe.
 */
export class HealthCheckState {
  private readonly healthy: Uint8Array;
  private readonly streak: Int32Array;

  constructor(
    readonly options: Pick<ResolvedHealthCheckOptions, 'healthyThreshold' | 'unhealthyThreshold'>,
    readonly count: number,
  ) {
    this.healthy = new Uint8Array(count).fill(1);
    // > 0: passing probes in a row; < 0: failing probes in a row.
    this.streak = new Int32Array(count);
  }

  isHealthy(i: number): boolean {
    return this.healthy[i] === 1;
  }

  /** Records one probe; returns true when it changed the endpoint's verdict. */
  record(i: number, passed: boolean): boolean {
    const s = this.streak[i]!;
    const next = passed ? (s > 0 ? s + 1 : 1) : s < 0 ? s - 1 : -1;
    this.streak[i] = next;
    if (this.healthy[i] === 1 && -next >= this.options.unhealthyThreshold) {
      this.healthy[i] = 0;
      return true;
    }
    if (this.healthy[i] === 0 && next >= this.options.healthyThreshold) {
      this.healthy[i] = 1;
      return true;
    }
    return false;
  }
}
