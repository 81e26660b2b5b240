import { exploreJunitSuites } from '../../explore/report/explore-junit-suites.ts';
import type { Reporter } from './reporter.ts';

export interface TestCase {
  name: string;
  classname: string;
  timeSeconds?: number;
  failure?: { message: string; type: string; detail: string };
  error?: { message: string; type: string };
}

/**
 * junit.xml: a testsuite per scenario (a testcase per hypothesis, plus one for a crash or
 * an interruption), one `contracts` suite (a testcase per interaction) and one `check`
 * suite (a testcase per invariant), and an `explore <service>` suite per explored service
 * (a testcase per cell of the fault matrix). Everything user-written is XML-escaped.
 */
export const junitReporter: Reporter = {
  name: 'junit',
  fileName: 'junit.xml',
  render(result) {
    const suites: Array<{ name: string; timeSeconds: number; cases: TestCase[] }> = [];
    for (const s of result.scenarios) {
      const cases: TestCase[] = s.hypotheses.map((h) => ({
        name: h.description,
        classname: `faultline.scenario.${s.name}`,
        ...(h.verdict === 'fail'
          ? {
              failure: {
                message: `expected ${h.expected}, observed ${h.observed}`,
                type: h.kind,
                detail: `expected: ${h.expected}\nobserved: ${h.observed}\nreplay: ${s.replayCommand}`,
              },
            }
          : {}),
      }));
      if (s.verdict === 'errored' || s.verdict === 'interrupted') {
        cases.push({
          name: 'scenario runs to completion',
          classname: `faultline.scenario.${s.name}`,
          error: {
            message:
              s.verdict === 'errored'
                ? `errored: ${s.error ?? 'unknown error'}`
                : 'interrupted before it finished',
            type: s.verdict,
          },
        });
      }
      suites.push({ name: s.name, timeSeconds: s.durationMs / 1000, cases });
    }
    if (result.contracts) {
      suites.push({
        name: 'contracts',
        timeSeconds: 0,
        cases: result.contracts.map((c) => ({
          name: c.interaction,
          classname: `faultline.contracts.${c.consumer}.${c.provider}`,
          ...(c.verdict === 'fail'
            ? {
                failure: {
                  message: c.message ?? 'interaction failed',
                  type: 'contract',
                  detail: c.message ?? '',
                },
              }
            : {}),
        })),
      });
    }
    if (result.checks) {
      suites.push({
        name: 'check',
        timeSeconds: 0,
        cases: result.checks.map((c) => {
          const replay = [
            c.seed !== undefined ? `seed: ${c.seed}` : '',
            c.path !== undefined ? `path: ${c.path}` : '',
          ].filter(Boolean);
          return {
            name: c.property,
            classname: `faultline.check.${c.service}`,
            ...(c.verdict === 'fail'
              ? {
                  failure: {
                    message: c.counterexample ? `counterexample: ${c.counterexample}` : 'invariant violated',
                    type: 'invariant',
                    detail: [`counterexample: ${c.counterexample ?? '-'}`, ...replay].join('\n'),
                  },
                }
              : {}),
          };
        }),
      });
    }
    if (result.explore) suites.push(...exploreJunitSuites(result.explore));

    const count = (cases: TestCase[], key: 'failure' | 'error') => cases.filter((c) => c[key]).length;
    const all = suites.flatMap((s) => s.cases);
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    out.push(
      `<testsuites name="faultline" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" time="${seconds(result.durationMs ? result.durationMs / 1000 : 0)}">`,
    );
    for (const suite of suites) {
      out.push(
        `  <testsuite name="${attr(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="0" time="${seconds(suite.timeSeconds)}">`,
      );
      for (const c of suite.cases) {
        const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="0"`;
        if (c.failure) {
          out.push(`${open}>`);
          out.push(
            `      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${text(c.failure.detail)}</failure>`,
          );
          out.push('    </testcase>');
        } else if (c.error) {
          out.push(`${open}>`);
          out.push(`      <error message="${attr(c.error.message)}" type="${attr(c.error.type)}"/>`);
          out.push('    </testcase>');
        } else {
          out.push(`${open}/>`);
        }
      }
      out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return `${out.join('\n')}\n`;
  },
};

function seconds(value: number): string {
  return value.toFixed(3);
}

/** XML text: escapes markup and drops characters XML 1.0 forbids (control characters). */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** XML attribute value (double-quoted); newlines kept as character references. */
function attr(value: string): string {
  return text(value)
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');
}
