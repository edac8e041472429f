/**
 * The rendered examples in docs/review-examples/ are what the code produces today: regenerate them with
 * `npm run review:examples` when the report changes, and read their diff. Each example's headings carry the worst
 * outcome its verdict lists, and no fold title shows a Markdown escape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LASTING } from '../review/note';
import { OUTCOME_KINDS } from '../review/worst';
import { EXAMPLES_DIR, renderExamples } from '../scripts/review-examples';
import { writeCachedTree } from './support/synth';

const rendered = renderExamples(writeCachedTree);
const reports = [...rendered].filter(([file]) => file !== 'README.md');

describe('docs/review-examples', () => {
  test('holds exactly the generated files', () => {
    expect(readdirSync(EXAMPLES_DIR).sort()).toEqual([...rendered.keys()].sort());
  });

  test.each([...rendered.keys()])('%s is up to date (npm run review:examples)', (file) => {
    expect(readFileSync(join(EXAMPLES_DIR, file), 'utf8')).toBe(rendered.get(file));
  });
});

/** Each environment's verdict: its heading line and its body up to the folded sections or the next heading. */
function verdicts(report: string): { heading: string; body: string }[] {
  return report
    .split(/^(?=## `)/m)
    .slice(1)
    .map((part) => {
      const [heading, ...rest] = part.split('\n');
      return { heading, body: rest.join('\n').split(/<details>|^## |^---$/m)[0] };
    });
}

/** The outcome labels a verdict body lists (`**outage, permanent**`), worst first. */
function listedOutcomes(body: string): string[] {
  const labels = [...body.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
  const rank = (label: string) => {
    const [kind, lasts] = label.split(', ');
    const k = OUTCOME_KINDS.findIndex((o) => o.label === kind);
    const l = lasts === undefined ? LASTING.length : LASTING.indexOf(lasts as (typeof LASTING)[number]);
    return k < 0 || l < 0 ? undefined : k * (LASTING.length + 1) + l;
  };
  return labels.filter((label) => rank(label) !== undefined).sort((a, b) => rank(a)! - rank(b)!);
}

describe.each(reports)('%s', (_file, report) => {
  test.each(verdicts(report).map((v) => [v.heading, v] as const))(
    'heading %s is the worst outcome its verdict lists',
    (_heading, { heading, body }) => {
      const [worst] = listedOutcomes(body);
      if (worst === undefined) {
        expect(OUTCOME_KINDS.filter((k) => heading.includes(` ${k.label}`))).toEqual([]);
        return;
      }
      const kind = OUTCOME_KINDS.find((k) => worst.startsWith(k.label))!;
      expect(heading).toContain(` — ${kind.icon} ${worst} — `);
    },
  );
});

test('no <summary> of any example shows a backslash before $ (raw HTML reads no Markdown escapes)', () => {
  const summaries = reports.flatMap(([, report]) =>
    [...report.matchAll(/<summary>(.*?)<\/summary>/g)].map((m) => m[1]),
  );
  expect(summaries.filter((s) => s.includes('$')).length).toBeGreaterThan(0);
  expect(summaries.filter((s) => s.includes('\\$'))).toEqual([]);
});
