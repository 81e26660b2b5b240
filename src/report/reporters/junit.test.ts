import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeEventLog } from '../../../test/support/event-log-fixture.ts';
import { mixedRun, outageScenario, tempDir } from '../../../test/support/report-fixtures.ts';
import { buildRunResult } from '../build-run-result.ts';
import { junitReporter } from './junit.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

interface XmlCase {
  name: string;
  failure?: { message: string; '#text': string };
  error?: { message: string };
}
interface XmlSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  testcase: XmlCase[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

describe('junit reporter', () => {
  it('writes a suite per scenario plus contracts and check, with failures counted', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, mixedRun());

    const xml = junitReporter.render(await buildRunResult(log));

    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const suites = doc.testsuites.testsuite as XmlSuite[];
    expect(suites.map((s) => s.name)).toEqual([
      'inference-outage',
      'auth <slow> & "quoted"',
      'contracts',
      'check',
    ]);
    expect(suites.map((s) => [Number(s.tests), Number(s.failures)])).toEqual([
      [4, 1],
      [2, 0],
      [2, 1],
      [2, 1],
    ]);
    expect(doc.testsuites.tests).toBe('10');
    expect(doc.testsuites.failures).toBe('3');
    const failing = suites[0]!.testcase.find((c) => c.failure)!;
    expect(failing.name).toBe('whole run: latency p99 <= 50 ms');
    expect(failing.failure!.message).toMatch(/^expected latency p99 <= 50 ms, observed p99 \d+/);
    expect(suites[2]!.testcase[1]!.name).toBe('a token <refresh> & "retry"');
    expect(suites[3]!.testcase[1]!.failure!['#text']).toContain('seed: 42');
  });

  it('adds an error testcase for an interrupted scenario', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, { scenarios: [outageScenario({ interruptAtMs: 3000 })] });

    const doc = parser.parse(junitReporter.render(await buildRunResult(log)));

    const suite = doc.testsuites.testsuite[0] as XmlSuite;
    expect(Number(suite.errors)).toBe(1);
    expect(suite.testcase.at(-1)!.error!.message).toBe('interrupted before it finished');
  });

  it('escapes control characters and markup in user text', async () => {
    const log = join(dir, 'events.ndjson');
    await writeEventLog(log, {
      scenarios: [outageScenario({ name: 'bad\u0001name]]><x/>', error: 'a\u0000b' })],
    });

    const xml = junitReporter.render(await buildRunResult(log));

    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).testsuites.testsuite[0].name).toBe('bad\uFFFDname]]><x/>');
  });
});
