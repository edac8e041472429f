/**
 * Safe Markdown for a GitHub comment. Whatever comes from config or synthesized JSON goes through `code` (a code
 * span: no emphasis, links or HTML inside) or `text` (every ASCII punctuation character escaped, so `*`, `_`, `|`,
 * `<` and `https://` stay literal); only this module's callers' own wording is written raw.
 */

/** No line of a report is wider than this (GitHub shows ~120 characters of a comment line; tables cannot wrap). */
export const MAX_LINE_WIDTH = 160;
/** A value longer than this is cut, with the count of characters left out. */
export const MAX_VALUE_LENGTH = 64;

/** `value` cut to `max` characters, saying how many were left out. */
export function truncate(value: string, max = MAX_VALUE_LENGTH): string {
  if (value.length <= max) return value;
  const suffix = `… (+${value.length - max + 1} chars)`;
  return `${value.slice(0, Math.max(0, max - 1))}${suffix}`;
}

/**
 * A code span holding `value` literally: the fence is longer than any run of backticks inside, padded when the
 * value starts or ends with a backtick. In a table cell a `|` must still be escaped (GFM splits cells first).
 */
export function code(value: string, options: { inTable?: boolean } = {}): string {
  const flat = value.replace(/\r?\n/g, '⏎');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$|^ .* $/.test(flat) || flat === '' ? ' ' : '';
  const body = options.inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Text with every ASCII punctuation character backslash-escaped: renders literally, never as Markdown. */
export function text(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * Two long values cut around where they differ: a shared start is elided (`…`) so the difference stays in view.
 */
export function differing(before: string, after: string, max = MAX_VALUE_LENGTH): [string, string] {
  let common = 0;
  while (common < Math.min(before.length, after.length) && before[common] === after[common]) common++;
  const keep = 12;
  const start = Math.max(before.length, after.length) > max && common > keep ? common - keep : 0;
  const cut = (s: string) => truncate(start > 0 ? `…${s.slice(start)}` : s, max);
  return [cut(before), cut(after)];
}

/** A JSON value as a short literal: strings quoted, long values cut. */
export function literal(value: unknown, max = MAX_VALUE_LENGTH): string {
  return truncate(JSON.stringify(value) ?? 'null', max);
}

/** A GFM table; cells are written as given (callers pass `code(…, { inTable: true })` or plain numbers). */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/**
 * A folded block: `summary` is the caller's own wording (HTML-escaped anyway). `<summary>` is raw HTML, where
 * Markdown escapes are not read: a `\$` of `usd` would show its backslash, so backslash escapes are undone.
 */
export function details(summary: string, body: string, open = false): string {
  const escaped = summary
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return [`<details${open ? ' open' : ''}><summary>${escaped}</summary>`, '', body, '', '</details>'].join(
    '\n',
  );
}

/** `content` wrapped at MAX_LINE_WIDTH on spaces, code spans kept whole; `first` and `rest` start the lines. */
function wrapped(content: string, first: string, rest: string): string {
  const words = content.match(/(?:(`+)[\s\S]*?(?<!`)\1(?!`)|[^\s`]|`+)+/g) ?? [];
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    const fresh = line === first;
    if (!fresh && line.length + 1 + word.length > MAX_LINE_WIDTH) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line += `${fresh ? '' : ' '}${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** A list item, wrapped; continuation lines are indented so they stay in the item. */
export const bullet = (content: string, depth = 0): string =>
  wrapped(content, `${'  '.repeat(depth)}- `, `${'  '.repeat(depth)}  `);

/** A block quote, wrapped. */
export const quote = (content: string): string => wrapped(content, '> ', '> ');

/** A paragraph, wrapped (a paragraph also ends a list: a list after it is a new one). */
export const paragraph = (content: string): string => wrapped(content, '', '');

/** Sections joined by a blank line, empty ones left out. */
export const blocks = (...parts: readonly (string | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');

/** `+87%`, `−12%`; `n/a` from zero. */
export function percentChange(before: number, after: number): string {
  if (before === 0) return after === 0 ? '0%' : 'n/a';
  const pct = Math.round(((after - before) / before) * 100);
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct)}%`;
}

/** An amount in Markdown: `\$` so GitHub never reads two amounts on a line as inline math. */
export const usd = (n: number): string => `${n < 0 ? '−' : ''}\\$${Math.abs(n).toFixed(2)}`;
