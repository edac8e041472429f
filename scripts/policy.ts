/**
 * `npm run policy`: every policy rule over every registered environment. Prints, per environment, the counts, the
 * failures and the waivers; exits 1 when a failure is not waived.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environments } from '../environments';
import { evaluatePolicy, formatFinding, unusedWaivers, type Finding } from '../policy/evaluate';
import { policyRules } from '../policy';
import { synthesizeApp } from '../synth/app-writer';
import { synthesizeReviewedStacks } from '../synth/synthesized-tree';

const outdir = mkdtempSync(join(tmpdir(), 'lightwave-policy-'));
let unwaived = 0;
try {
  console.log(`${policyRules.length} rules\n`);
  for (const env of synthesizeReviewedStacks(environments, outdir, synthesizeApp)) {
    const label = env.stackName ? `${env.stackName} (${env.config.name}'s account)` : env.config.name;
    // The waivers belong to the environment stack; a bootstrap stack needs none of them.
    const ownsWaivers = !env.stackName;
    const findings = evaluatePolicy(env);
    const count = (outcome: Finding['outcome']) => findings.filter((f) => f.outcome === outcome).length;
    console.log(
      `== ${label}: ${count('pass')} pass, ${count('fail')} fail, ${count('waived')} waived, ${count('not-applicable')} not applicable`,
    );
    for (const f of findings.filter((f) => f.outcome === 'fail')) console.log(`  FAIL   ${formatFinding(f)}`);
    for (const f of findings.filter((f) => f.outcome === 'waived')) {
      console.log(`  WAIVED ${formatFinding(f)}\n         until ${f.waiver?.expires}: ${f.waiver?.reason}`);
    }
    for (const w of ownsWaivers ? unusedWaivers(env, findings) : [])
      console.log(`  UNUSED waiver of ${w.rule}: the rule passes now; remove the waiver`);
    unwaived += count('fail');
    console.log('');
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
if (unwaived > 0) {
  console.log(`${unwaived} failing rule(s) without a waiver`);
  process.exitCode = 1;
}
