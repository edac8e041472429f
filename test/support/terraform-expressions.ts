/**
 * Resolves the few Terraform expressions the cluster layer writes into Secrets, with the values an apply produced:
 * `${random_password.<id>.result}`, wrapped in at most one of `urlencode(…)` or `sha256(…)` (Terraform's
 * functions: urlencode escapes all but letters, digits and -_.~, as encodeURIComponent does for the generated
 * alphanumeric passwords; sha256 is lowercase hex). Anything else is refused, so a test never sees a half-resolved
 * value.
 */
import { createHash, randomInt } from 'node:crypto';
import type { TerraformJson } from '../../synth/terraform-json';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** EMULATED random provider: an alphanumeric password of its `length` for every `random_password` in the stack. */
export function generatePasswords(stack: TerraformJson): Map<string, string> {
  return new Map(
    Object.entries(stack.resource?.random_password ?? {}).map(([id, block]) => {
      if (block.special !== false) throw new Error(`random_password.${id}: only special = false is emulated`);
      const length = Number(block.length);
      return [id, Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('')];
    }),
  );
}

const FUNCTIONS: Readonly<Record<string, (value: string) => string>> = {
  '': (v) => v,
  urlencode: (v) => encodeURIComponent(v),
  sha256: (v) => createHash('sha256').update(v).digest('hex'),
};

export function resolvePasswords(text: string, passwords: ReadonlyMap<string, string>): string {
  const resolved = text.replace(
    /\$\{(urlencode|sha256)?\(?random_password\.([\w-]+)\.result\)?\}/g,
    (whole, fn: string | undefined, id: string) => {
      const password = passwords.get(id);
      if (password === undefined) throw new Error(`cannot resolve ${whole}: no random_password.${id}`);
      return FUNCTIONS[fn ?? ''](password);
    },
  );
  if (resolved.includes('${')) throw new Error(`unresolved expression left in: ${resolved}`);
  return resolved;
}
