/**
 * Values from config and synthesized JSON render literally: rendered with a GFM library, the text a reader sees is
 * the value itself — no emphasis, no link, no extra table cell, no HTML.
 */
import {
  bullet,
  code,
  details,
  differing,
  MAX_LINE_WIDTH,
  table,
  text,
  truncate,
  usd,
} from '../review/markdown';
import { renderHtml, visibleText } from './support/rendered-markdown';

const nasty = [
  '{"com.cloudflare.edge.r2.bucket.abc_default_media":"*"}',
  'a_b_c *not emphasis* __nor this__',
  'pipe | in | the middle',
  'https://cdn.example.com/a_b?x=1&y=*2*',
  'www.example.com and <b>bold</b> <script>alert(1)</script>',
  'back`tick and ``double`` ticks',
  '[link](https://example.com) ![img](x.png) # not a heading',
  '$10 and $20 are not math',
];

describe('values render literally', () => {
  test.each(nasty)('as a code span: %s', (value) => {
    const html = renderHtml(code(value));
    expect(visibleText(code(value))).toBe(value);
    expect(html).not.toMatch(/<(em|strong|a|b|script|img|h1)\b/);
  });

  test.each(nasty)('as escaped text: %s', (value) => {
    const html = renderHtml(`Reason: ${text(value)}`);
    expect(visibleText(`Reason: ${text(value)}`)).toBe(`Reason: ${value.replace(/\s+/g, ' ')}`);
    expect(html).not.toMatch(/<(em|strong|a|b|script|img|h1|code)\b/);
  });

  test.each(nasty)('in a table cell, as one cell: %s', (value) => {
    const markdown = table(['name', 'value'], [['x', code(value, { inTable: true })]]);
    const html = renderHtml(markdown);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(visibleText(markdown)).toBe(`name value x ${value}`);
  });
});

describe('long values', () => {
  test('are cut with a count of what is left out', () => {
    const cut = truncate('x'.repeat(100), 20);
    expect(cut).toHaveLength(20 + '… (+81 chars)'.length - 1);
    expect(cut).toMatch(/^x{19}… \(\+81 chars\)$/);
  });

  test('two values sharing a long start are cut around where they differ', () => {
    const prefix = '{"com.cloudflare.edge.r2.bucket.0123456789abcdef0123456789abcdef_default_';
    const [before, after] = differing(
      `${prefix}lightwave-media-dev":"*"}`,
      `${prefix}lightwave-media-dev2":"*"}`,
    );
    expect(before).toBe('…ve-media-dev":"*"}');
    expect(after).toBe('…ve-media-dev2":"*"}');
  });

  test('bullets wrap at the line width without breaking code spans', () => {
    const words = Array.from({ length: 60 }, (_, i) =>
      i % 5 === 0 ? code(`value ${i} with spaces`) : `word${i}`,
    );
    const item = bullet(words.join(' '));
    for (const line of item.split('\n')) expect(line.length).toBeLessThanOrEqual(MAX_LINE_WIDTH);
    expect(visibleText(item)).toBe(words.join(' ').replace(/`/g, ''));
  });
});

describe('fold titles', () => {
  // <summary> is raw HTML: GitHub reads no Markdown escapes in it, so `\$` would show its backslash.
  test('a <summary> shows amounts without Markdown escapes, and HTML in it stays text', () => {
    const folded = details(`Cost: ${usd(1.5)} of ${usd(15)} <b>budget</b>`, 'body');
    expect(folded.split('\n')[0]).toBe(
      '<details><summary>Cost: $1.50 of $15.00 &lt;b&gt;budget&lt;/b&gt;</summary>',
    );
    expect(visibleText(folded)).toContain('Cost: $1.50 of $15.00 <b>budget</b>');
  });
});
