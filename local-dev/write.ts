/**
 * Writes the generated files into local/: the directory private to the developer (0700), each file with its mode.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generated-file';

export function writeLocalFiles(dir: string, files: readonly GeneratedFile[]): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, file.content, { mode: file.mode });
    chmodSync(path, file.mode); // an existing file keeps its old mode otherwise
  }
}
