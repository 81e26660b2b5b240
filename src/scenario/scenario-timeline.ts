import type { Phase } from './schema/phase-schema.ts';

/**
 * When each phase of a scenario starts and ends on the scenario's clock. Phases are
 * scheduled on absolute readings from the scenario start (not "sleep durationMs after the
 * previous one"), so time spent applying faults does not push later phases back.
 *
 * @example
 * const timeline = new ScenarioTimeline(clock.now(), scenario.phases);
 * timeline.phaseAt(clock.now()); // 'steady'
 */
export class ScenarioTimeline {
  /** Clock reading at which each phase ends. */
  readonly ends: number[];

  constructor(
    /** Clock reading of the scenario start. */
    readonly t0: number,
    readonly phases: readonly Pick<Phase, 'name' | 'durationMs'>[],
  ) {
    let at = t0;
    this.ends = phases.map((p) => {
      at += p.durationMs;
      return at;
    });
  }

  /** Clock reading at which phase `index` starts. */
  startOf(index: number): number {
    return index === 0 ? this.t0 : this.ends[index - 1]!;
  }

  /** The phase in force at a clock reading (the last one after the end: calls still finishing). */
  phaseAt(reading: number): string {
    const i = this.ends.findIndex((end) => reading < end);
    return this.phases[i === -1 ? this.phases.length - 1 : i]!.name;
  }

  /** Total planned duration, ms. */
  get durationMs(): number {
    return (this.ends.at(-1) ?? this.t0) - this.t0;
  }
}
