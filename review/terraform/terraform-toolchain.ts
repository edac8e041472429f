/**
 * Finds what an offline plan needs on this machine: the terraform CLI and a filesystem mirror holding the exact
 * provider version. Nothing here hard-codes a machine path; the mirror comes from `LIGHTWAVE_TF_PROVIDER_MIRROR`
 * or from a bounded search of the places provider mirrors are usually put.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Toolchain {
  readonly terraform: string;
  readonly mirror: string;
}

const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;

function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const holdsProvider = (root: string, source: string, version: string): boolean =>
  existsSync(join(root, source, version, platform));

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Breadth-first search below `roots`, `depth` levels deep, for a directory holding `source/version/platform`. */
function search(
  roots: readonly string[],
  source: string,
  version: string,
  depth: number,
): string | undefined {
  let level = roots.filter(isDirectory);
  for (let d = 0; d <= depth && level.length > 0; d++) {
    const hit = level.find((dir) => holdsProvider(dir, source, version));
    if (hit) return hit;
    level = level.flatMap((dir) => {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
          .map((e) => join(dir, e.name));
      } catch {
        return [];
      }
    });
  }
  return undefined;
}

/** A filesystem mirror (unpacked layout) holding `source` (e.g. registry.terraform.io/hashicorp/aws) at `version`. */
export function findProviderMirror(source: string, version: string): string | undefined {
  const configured = process.env.LIGHTWAVE_TF_PROVIDER_MIRROR;
  if (configured) return holdsProvider(configured, source, version) ? configured : undefined;
  const home = homedir();
  // Terraform's implied local mirror directories first, then a shallow look through the usual install roots.
  const implied = [
    join(home, '.terraform.d', 'plugins'),
    join(home, '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ];
  return (
    implied.find((dir) => holdsProvider(dir, source, version)) ??
    search(['/opt', '/usr/local', '/usr/share', '/srv', home], source, version, 3)
  );
}

export type ToolchainLookup = { readonly found: Toolchain } | { readonly missing: string };

/** Terraform and the mirror of the AWS provider version the bindings were generated for. */
export function findToolchain(awsProviderVersion: string): ToolchainLookup {
  const terraform = process.env.TERRAFORM_BINARY ?? findOnPath('terraform');
  if (!terraform) return { missing: 'the terraform CLI is not on PATH (or set TERRAFORM_BINARY)' };
  const version = spawnSync(terraform, ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0)
    return { missing: `${terraform} does not run: ${version.stderr || version.error}` };
  const mirror = findProviderMirror('registry.terraform.io/hashicorp/aws', awsProviderVersion);
  if (!mirror) {
    return {
      missing: `no filesystem mirror holds hashicorp/aws ${awsProviderVersion} for ${platform} (set LIGHTWAVE_TF_PROVIDER_MIRROR)`,
    };
  }
  return { found: { terraform, mirror } };
}
