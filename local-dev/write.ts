/**
 * Writes the generated files into local/: the directory private to the developer (0700), each file with its mode.
 * Files an earlier version generated and this one does not are removed (a stale psql step would mislead), except
 * under secrets/: credentials are only ever replaced by rotation.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generated-file';

const KEPT_DIRECTORY = 'secrets';

/** Every file below `dir` (relative paths), secrets/ aside. */
function existingFiles(dir: string, below = ''): string[] {
  return readdirSync(join(dir, below), { withFileTypes: true }).flatMap((entry) => {
    const path = below === '' ? entry.name : `${below}/${entry.name}`;
    if (entry.isDirectory()) return path === KEPT_DIRECTORY ? [] : existingFiles(dir, path);
    return entry.isFile() ? [path] : [];
  });
}

export function writeLocalFiles(dir: string, files: readonly GeneratedFile[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const generated = new Set(files.map((f) => f.path));
  for (const stale of existingFiles(dir).filter((path) => !generated.has(path))) rmSync(join(dir, stale));
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, file.content, { mode: file.mode });
    chmodSync(path, file.mode); // an existing file keeps its old mode otherwise
  }
}
