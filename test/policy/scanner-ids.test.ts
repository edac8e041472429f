/**
 * The scanner id table (policy/scanner-ids.ts) against the catalogue: every mirrored id is in the table, every row is
 * cited, and every rule says how it relates to each id it mirrors, marking the Kubernetes-manifest-only ones.
 */
import { policyRules } from '../../policy';
import { relationTo, type PolicyRule } from '../../policy/rule';
import { scannerIds, type Scanner } from '../../policy/scanner-ids';

const ID_SHAPES: Readonly<Record<Scanner, RegExp>> = {
  Checkov: /^CKV2?_[A-Z0-9]+_\d+$/,
  Trivy: /^(AVD-[A-Z]+-\d{4}|KSV-\d{4})$/,
  'cdk-nag': /^(AwsSolutions|HIPAA\.Security|NIST\.800\.53\.R5|PCI\.DSS\.321)-[A-Za-z0-9]+$/,
  'AWS Security Hub': /^[A-Za-z0-9]+\.\d+$/,
};
const RELATION = /^(manifest only, )?(same|(stricter|narrower): (.+))$/;

/** Read inside each test: a rule's spec is read on use, and the mutation run attributes it to the tests reading it. */
const cited = () =>
  policyRules.flatMap((rule) => rule.mirrors.map((id) => [rule, id] as [PolicyRule, string]));

test('every mirrored id is in the table', () => {
  expect(
    cited()
      .filter(([, id]) => !(id in scannerIds))
      .map(([rule, id]) => `${rule.id}: ${id}`),
  ).toEqual([]);
});

test('every id in the table is mirrored by some rule', () => {
  const mirrored = new Set(cited().map(([, id]) => id));
  expect(Object.keys(scannerIds).filter((id) => !mirrored.has(id))).toEqual([]);
});

test.each(Object.entries(scannerIds))(
  '%s has the shape of its scanner, a title and a source',
  (id, check) => {
    expect(id).toMatch(ID_SHAPES[check.scanner]);
    expect(check.title.trim().length).toBeGreaterThan(5);
    expect(check.source).toMatch(
      /^([\w.-]+\/[\w.-]+@[0-9a-f]{8}:\S+|https:\/\/docs\.aws\.amazon\.com\/\S+)$/,
    );
  },
);

describe.each(policyRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  test('relates to exactly the ids it mirrors', () => {
    if (typeof rule.relation === 'string') expect(rule.mirrors.length).toBeGreaterThan(0);
    else expect(Object.keys(rule.relation).sort()).toEqual([...rule.mirrors].sort());
  });

  test('says "no scanner equivalent" when it mirrors nothing', () => {
    if (rule.mirrors.length === 0) expect(rule.rationale).toMatch(/no scanner equivalent/i);
    else expect(rule.rationale).not.toMatch(/no scanner equivalent/i);
  });

  test('relates to each id as same, or stricter/narrower with why, marked manifest only exactly when it is', () => {
    const problems = rule.mirrors.flatMap((id) => {
      const relation = relationTo(rule, id) ?? '';
      const match = RELATION.exec(relation);
      const manifestOnly = scannerIds[id]?.framework === 'Kubernetes manifest';
      return [
        ...(match ? [] : [`${id}: "${relation}" is not a relation`]),
        ...(match?.[4] !== undefined && match[4].length < 20 ? [`${id}: why is too short`] : []),
        ...(relation.startsWith('manifest only, ') === manifestOnly ? [] : [`${id}: manifest-only marking`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  test('a rule limited to some tiers is narrower than every id it mirrors, and says so', () => {
    for (const id of rule.tiers ? rule.mirrors : []) {
      expect(relationTo(rule, id)).toMatch(new RegExp(`narrower: ${rule.tiers?.join(' and ')} only`));
    }
  });
});
