/** Where the prices come from, and when they were read. */
import { bullet } from '../markdown';
import { PRICE_SOURCES, PRICES_AS_OF } from '../prices';
import type { ReportSection } from './section';

export const pricesSection: ReportSection = {
  id: 'prices',
  render(verdicts) {
    const costMoved = verdicts.some(
      (v) =>
        v.status !== 'unchanged' &&
        JSON.stringify(v.cost.before?.lines) !== JSON.stringify(v.cost.after.lines),
    );
    if (!costMoved) return undefined;
    return {
      summary: `Prices: AWS us-east-1 on-demand and Cloudflare R2 list prices as of ${PRICES_AS_OF}`,
      body: Object.entries(PRICE_SOURCES)
        .map(([name, url]) => bullet(`${name}: <${url}>`))
        .join('\n'),
    };
  },
};
