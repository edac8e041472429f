/** Where the prices come from, and when they were read. */
import type { CostEstimate } from '../cost';
import { bullet } from '../markdown';
import { PRICE_SOURCES, PRICES_AS_OF } from '../prices';
import type { ReportSection } from './section';

export const pricesSection: ReportSection = {
  id: 'prices',
  render(verdicts) {
    const linesOf = (cost?: CostEstimate) => JSON.stringify(cost && [cost.lines, cost.mediaCopy.lines]);
    const costMoved = verdicts.some(
      (v) => v.status !== 'unchanged' && linesOf(v.cost.before) !== linesOf(v.cost.after),
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
