/**
 * What the documentation names, checked against the repository: npm scripts (`npm run <script>`, `npm test`),
 * repository paths in code spans and code blocks (a token whose first segment is a tracked top-level file or
 * directory), stack names after `cdktf deploy|diff|output` and relative links (file and `#anchor`). Placeholders
 * (`<env>`), globs (`*`) and elisions (`…`) name nothing in particular and are skipped.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export interface DocFile {
  /** Path from the repository root, e.g. `docs/deploy.md`. */
  readonly path: string;
  readonly text: string;
}

export interface Repository {
  readonly root: string;
  readonly scripts: ReadonlySet<string>;
  /** Tracked top-level files and directories: a code token starting with one of them is a repository path. */
  readonly topLevel: ReadonlySet<string>;
  readonly stacks: ReadonlySet<string>;
}

export interface DocProblem {
  readonly file: string;
  readonly line: number;
  readonly kind: 'npm script' | 'path' | 'stack' | 'link' | 'anchor';
  readonly name: string;
}

interface Found {
  readonly kind: DocProblem['kind'];
  readonly name: string;
  readonly index: number;
}

/** Placeholders (`<env>`, `&lt;name&gt;` in a diagram), globs and elisions. */
const PLACEHOLDER = /[<>*…{}$&]/;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of withoutFences(text).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = headingAnchor(heading);
    const n = seen.get(base) ?? 0;
    anchors.add(n === 0 ? base : `${base}-${n}`);
    seen.set(base, n + 1);
  }
  return anchors;
}

/** The text with fenced code blocks blanked out (same length, so indexes keep their lines). */
function withoutFences(text: string): string {
  return text.replace(/^```[^\n]*\n[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/** Code spans and code blocks: where commands and paths are written. */
function codeTokens(text: string): { token: string; index: number }[] {
  const pieces = [
    ...[...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({
      code: m[1],
      index: (m.index ?? 0) + m[0].indexOf(m[1]),
    })),
    ...[...withoutFences(text).matchAll(/`([^`\n]+)`/g)].map((m) => ({
      code: m[1],
      index: (m.index ?? 0) + 1,
    })),
  ];
  return pieces.flatMap(({ code, index }) =>
    [...code.matchAll(/[^\s"'`()=,;[\]]+/g)].map((m) => ({ token: m[0], index: index + (m.index ?? 0) })),
  );
}

function scriptsNamed(text: string): Found[] {
  return [
    ...[...text.matchAll(/\bnpm run (?:--silent )?([\w:-]+)/g)].map((m) => ({
      kind: 'npm script' as const,
      name: m[1],
      index: m.index ?? 0,
    })),
    ...[...text.matchAll(/\bnpm (test|start)\b/g)].map((m) => ({
      kind: 'npm script' as const,
      name: m[1],
      index: m.index ?? 0,
    })),
  ];
}

function stacksNamed(text: string): Found[] {
  return [...text.matchAll(/\bcdktf (?:deploy|diff|output) ([\w<>-]+)/g)]
    .filter((m) => !PLACEHOLDER.test(m[1]))
    .map((m) => ({ kind: 'stack' as const, name: m[1], index: m.index ?? 0 }));
}

function pathsNamed(text: string, repo: Repository): Found[] {
  return codeTokens(text)
    .map(({ token, index }) => ({ token: token.replace(/[.:]+$/, ''), index }))
    .filter(({ token }) => !PLACEHOLDER.test(token) && !token.includes('://'))
    .filter(({ token }) => {
      const [first] = token.split('/');
      return repo.topLevel.has(first) && (token.includes('/') || /\.\w+$/.test(token));
    })
    .map(({ token, index }) => ({ kind: 'path' as const, name: token, index }));
}

function linksNamed(doc: DocFile, repo: Repository, read: (path: string) => string | undefined): Found[] {
  const found: Found[] = [];
  for (const m of withoutFences(doc.text).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/.test(target)) continue;
    const [file, anchor] = target.split('#');
    const path = file === '' ? doc.path : normalize(join(dirname(doc.path), file));
    const index = m.index ?? 0;
    if (!existsSync(join(repo.root, path))) {
      found.push({ kind: 'link', name: target, index });
      continue;
    }
    const text = anchor !== undefined && path.endsWith('.md') ? read(path) : undefined;
    if (text !== undefined && !anchorsOf(text).has(anchor))
      found.push({ kind: 'anchor', name: target, index });
  }
  return found;
}

function exists(repo: Repository, found: Found): boolean {
  if (found.kind === 'npm script') return repo.scripts.has(found.name);
  if (found.kind === 'stack') return repo.stacks.has(found.name);
  if (found.kind === 'path') return existsSync(join(repo.root, found.name.replace(/\/$/, '')));
  return false; // links and anchors are found only when they do not resolve
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Every name in `docs` that does not exist in `repo`, with its file and line. */
export function docReferenceProblems(docs: readonly DocFile[], repo: Repository): DocProblem[] {
  const byPath = new Map(docs.map((d) => [d.path, d.text]));
  const read = (path: string) =>
    byPath.get(path) ??
    (statSync(join(repo.root, path)).isFile() ? readFileSync(join(repo.root, path), 'utf8') : undefined);
  return docs.flatMap((doc) =>
    [
      ...scriptsNamed(doc.text),
      ...stacksNamed(doc.text),
      ...pathsNamed(doc.text, repo),
      ...linksNamed(doc, repo, read),
    ]
      .filter((found) => !exists(repo, found))
      .map((found) => ({
        file: doc.path,
        line: lineOf(doc.text, found.index),
        kind: found.kind,
        name: found.name,
      })),
  );
}

/** The Markdown files reachable from `start` through relative links (paths from the repository root). */
export function reachableDocs(start: string, root: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path) || !existsSync(join(root, path))) continue;
    seen.add(path);
    const text = withoutFences(readFileSync(join(root, path), 'utf8'));
    for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)\s]*)?\)/g)) {
      if (/^[a-z]+:/.test(m[1]) || !m[1].endsWith('.md')) continue;
      queue.push(relative(root, join(root, dirname(path), m[1])));
    }
  }
  return seen;
}
