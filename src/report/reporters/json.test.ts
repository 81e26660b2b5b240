import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../../test/support/event-log-fixture.ts';
import { mixedRun, outageScenario, tempDir } from '../../../test/support/report-fixtures.ts';
import { buildRunResult } from '../build-run-result.ts';
import { mergeRunResults } from '../merge-run-results.ts';
import { jsonReporter } from './json.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function validator() {
  const schema = JSON.parse(await readFile(new URL('../report.schema.json', import.meta.url), 'utf8'));
  return new Ajv({ allErrors: true, strict: true }).compile(schema);
}

describe('json reporter and report.schema.json', () => {
  it.each([
    ['a full run with contracts and checks', mixedRun()],
    ['an interrupted run', { scenarios: [outageScenario({ interruptAtMs: 3100 })], killed: true }],
    ['a scenario without calls', { scenarios: [outageScenario({ callsPerSec: 0.0001 })] }],
    ['a sharded run', { scenarios: [outageScenario()], shard: { index: 1, total: 2 } }],
  ])('validates %s', async (_label, run) => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, run);
    const validate = await validator();

    const json = JSON.parse(jsonReporter.render(await buildRunResult(log)));

    expect(validate.errors ?? []).toEqual([]);
    expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('validates a merged result', async () => {
    await writeEventLog(join(dir, 'a.ndjson'), {
      scenarios: [outageScenario()],
      shard: { index: 0, total: 2 },
    });
    await writeEventLog(join(dir, 'b.ndjson'), mixedRun({ scenarios: [outageScenario({ name: 'other' })] }));
    const validate = await validator();

    const merged = mergeRunResults([
      await buildRunResult(join(dir, 'a.ndjson')),
      await buildRunResult(join(dir, 'b.ndjson')),
    ]);

    expect(validate(JSON.parse(jsonReporter.render(merged))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a report that breaks the schema (the schema is not vacuous)', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, mixedRun());
    const validate = await validator();
    const json = JSON.parse(jsonReporter.render(await buildRunResult(log)));

    json.scenarios[0].verdict = 'maybe';
    delete json.totals.calls;

    expect(validate(json)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/scenarios/0/verdict', '/totals']),
    );
  });
});
