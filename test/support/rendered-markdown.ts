/**
 * Markdown as a reader sees it: rendered by a GFM implementation (marked, GFM mode: tables, autolinks,
 * strikethrough) and reduced to visible text, so tests compare what GitHub would show rather than the source.
 */
import { marked } from 'marked';

export function renderHtml(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

const block =
  /<\/?(p|li|ul|ol|h[1-6]|table|thead|tbody|tr|td|th|details|summary|pre|div|br|hr|blockquote)\b[^>]*>/g;

/** The visible text of rendered Markdown: block tags become spaces, inline tags vanish, entities are decoded. */
export function visibleText(markdown: string): string {
  return renderHtml(markdown)
    .replace(block, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e])
    .replace(/\s+/g, ' ')
    .trim();
}
