/**
 * Rollout consequences Terraform does not show: which pods restart by themselves (a Deployment whose pod template
 * changes rolls, e.g. PgBouncer through its checksum annotations), which must be restarted by hand (pods read a
 * Secret's or ConfigMap's values as environment at start and keep the old ones), and apply-order hazards (a Secret
 * naming a resource it does not reference may be updated before that resource exists: Terraform orders only by
 * references).
 */
import { formatPath, valueAt } from '../synth/attribute-paths';
import { blocksByAddress, referencesIn } from '../synth/references';
import type { Block, TerraformJson } from '../synth/terraform-json';
import { code, literal } from './markdown';
import type { Note } from './note';
import type { PlannedChange } from './planned-change';

const configTypes = ['kubernetes_secret_v1', 'kubernetes_config_map_v1'];

/**
 * An object whose readers pick changes up by themselves (files mounted and reloaded, e.g. Prometheus rule files)
 * says how in this annotation; the note then tells that instead of asking for a restart.
 */
export const RELOADED_BY = 'lightwave.media/reloaded-by';

/** `namespace/name` of a Kubernetes object, following a reference to its namespace block. */
function objectName(block: Block | undefined, blocks: Map<string, Block>): string {
  const name = String(valueAt(block, ['metadata', 'name']) ?? '?');
  const namespace = valueAt(block, ['metadata', 'namespace']);
  if (typeof namespace !== 'string' || !namespace.includes('${')) return `${namespace ?? 'default'}/${name}`;
  const [ref] = referencesIn(namespace, (a) => blocks.has(a));
  const resolved = ref ? valueAt(blocks.get(ref.target), ref.attribute) : undefined;
  return `${typeof resolved === 'string' ? resolved : '?'}/${name}`;
}

function deploymentRolls(change: PlannedChange, blocks: Map<string, Block>): Note | undefined {
  const template = change.leaves.filter((l) => l.path[0] === 'spec' && l.path.includes('template'));
  if (change.action !== 'update' || template.length === 0) return undefined;
  const causes = [...new Set(template.map((l) => l.via).filter((v): v is string => !!v))];
  return {
    severity: 'restart',
    lasts: 'seconds',
    address: change.address,
    text:
      `rolling restart of ${code(objectName(change.head, blocks))}${causes.length > 0 ? ` (its pod template reads ${causes.map((c) => code(c)).join(', ')})` : ''}: ` +
      'pods are replaced one at a time within the PodDisruptionBudget; connections to a replaced pod drop and reconnect',
  };
}

function restartByHand(change: PlannedChange, blocks: Map<string, Block>): Note | undefined {
  if (!configTypes.includes(change.type) || (change.action !== 'update' && change.action !== 'replace'))
    return undefined;
  const readByDeployment = [...blocks].some(
    ([address, block]) =>
      address.startsWith('kubernetes_deployment_v1.') &&
      referencesIn(block, (a) => a === change.address).length > 0,
  );
  if (readByDeployment) return undefined;
  const name = objectName(change.head, blocks);
  const [namespace] = name.split('/');
  const reloadedBy = valueAt(change.head, ['metadata', 'annotations', RELOADED_BY]);
  if (typeof reloadedBy === 'string')
    return {
      severity: 'info',
      address: change.address,
      text: `ConfigMap ${code(name)} changes: ${reloadedBy}`,
    };
  return {
    severity: 'restart',
    lasts: 'until someone acts',
    address: change.address,
    text:
      `${change.type === 'kubernetes_secret_v1' ? 'Secret' : 'ConfigMap'} ${code(name)} changes, and pods read it ` +
      `only at start: restart the workloads of ${code(namespace)} after the apply (\`kubectl -n ${namespace} ` +
      'rollout restart deployment`), or they keep the old values',
  };
}

/** A Secret leaf naming a value that a created or replaced resource defines, without referencing it. */
function orderHazards(change: PlannedChange, renewed: readonly PlannedChange[]): Note[] {
  if (!configTypes.includes(change.type)) return [];
  return change.leaves.flatMap((leaf) => {
    if (leaf.sensitive || leaf.via || typeof leaf.after !== 'string' || leaf.after.includes('${')) return [];
    const source = renewed.find((r) =>
      Object.entries(r.head ?? {}).some(([key, value]) => key !== '//' && value === leaf.after),
    );
    if (!source) return [];
    return [
      {
        severity: 'caution' as const,
        address: change.address,
        text:
          `${code(formatPath(leaf.path))} names ${code(literal(leaf.after))}, which ${code(source.address)} ` +
          `creates, but does not reference it: Terraform may update it before ${code(source.address)} exists, ` +
          'so restart the readers only after the apply has finished',
      },
    ];
  });
}

/** Rollout notes of an environment's changes. */
export function rolloutNotes(changes: readonly PlannedChange[], head: TerraformJson): Note[] {
  const blocks = blocksByAddress(head);
  const renewed = changes.filter((c) => c.action === 'create' || c.action === 'replace');
  return changes.flatMap((change) =>
    [
      change.type === 'kubernetes_deployment_v1' ? deploymentRolls(change, blocks) : undefined,
      restartByHand(change, blocks),
      ...orderHazards(change, renewed),
    ].filter((n): n is Note => !!n),
  );
}
