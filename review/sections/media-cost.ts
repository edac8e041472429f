/**
 * R2 cost per Cloudflare account (its free tier counted once, the media-copy jobs' operations included), before and
 * after the change.
 */
import { estimateMediaCost } from '../cost';
import { code, table, text, usd } from '../markdown';
import type { ReportSection } from './section';
import { isTouched } from './section';

export const mediaCostSection: ReportSection = {
  id: 'media-cost',
  render(verdicts) {
    const after = estimateMediaCost(verdicts.map((v) => v.env));
    const bases = verdicts.filter((v) => v.base).map((v) => ({ config: v.env.config, stack: v.base! }));
    const before = bases.length > 0 ? estimateMediaCost(bases) : undefined;
    // The bucket, or the copy job whose listings and reads count with the account's operations.
    const touched = verdicts.some((v) =>
      isTouched(v, (a) => a.startsWith('cloudflare_r2_bucket.') || a.startsWith('kubernetes_cron_job_v1.')),
    );
    if (after.length === 0 || !touched) return undefined;
    const body = after.map((account) => {
      const was = before?.find((b) => b.accountId === account.accountId);
      const rows = account.lines.map((l) => [text(l.item), text(l.basis), usd(l.usd)]);
      return [
        `Cloudflare account ${code(account.accountId)} (${account.environments.map((e) => code(e)).join(', ')}): ` +
          `${usd(account.usd)}/month${was && was.usd !== account.usd ? ` (was ${usd(was.usd)})` : ''}`,
        '',
        table(['item', 'basis', 'USD/month'], rows),
      ].join('\n');
    });
    return { summary: 'Media (R2) cost per Cloudflare account', body: body.join('\n\n') };
  },
};
