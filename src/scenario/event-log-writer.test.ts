import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLogWriter } from './event-log-writer.ts';

describe('EventLogWriter', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON object per line, readable after flush and before close', async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-log-'));
    const path = join(dir, 'nested', 'events.ndjson');
    const log = await EventLogWriter.open(path);
    log.write({ type: 'phase-start', scenario: 's', phase: 'p', index: 0, t: 0 });
    log.write({ type: 'phase-end', scenario: 's', phase: 'p', index: 0, t: 10 });
    await log.flush();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(['phase-start', 'phase-end']);
    await log.close();
    log.write({ type: 'run-end', t: 11, interrupted: false });
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(2);
    expect(log.counts.get('phase-start')).toBe(1);
  });
});
