import { describe, expect, it } from 'vitest';
import { ScenarioTimeline } from './scenario-timeline.ts';

describe('ScenarioTimeline', () => {
  it('maps clock readings to phases on absolute boundaries', () => {
    const timeline = new ScenarioTimeline(100, [
      { name: 'a', durationMs: 50 },
      { name: 'b', durationMs: 25 },
    ]);
    expect(timeline.startOf(1)).toBe(150);
    expect(timeline.phaseAt(100)).toBe('a');
    expect(timeline.phaseAt(149.9)).toBe('a');
    expect(timeline.phaseAt(150)).toBe('b');
    expect(timeline.phaseAt(500)).toBe('b');
    expect(timeline.durationMs).toBe(75);
  });
});
