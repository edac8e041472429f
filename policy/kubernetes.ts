/**
 * Reading Kubernetes objects out of synthesized JSON: namespaces are referenced as
 * `${kubernetes_namespace_v1.<id>.metadata[0].name}` and resolved here to their names.
 */
import type { Block, TerraformJson } from '../synth/terraform-json';
import { blocksOf, get } from '../synth/synthesized-environment';

const namespaceName = (namespace: Block): string => String(get(namespace, 'metadata', 'name'));

/** Names of the namespaces the stack defines, by their resource id. */
export function namespaceNames(stack: TerraformJson): Map<string, string> {
  return new Map(
    Object.entries(stack.resource?.kubernetes_namespace_v1 ?? {}).map(([id, ns]) => [id, namespaceName(ns)]),
  );
}

/** The namespace an object lives in (resolved when it references a namespace of the stack), or undefined. */
export function namespaceOf(stack: TerraformJson, block: Block): string | undefined {
  const raw = get(block, 'metadata', 'namespace');
  if (typeof raw !== 'string') return undefined;
  const match = /^\$\{kubernetes_namespace_v1\.([\w-]+)\.metadata\[0\]\.name\}$/.exec(raw);
  if (!match) return raw;
  // The one namespace referenced, not a map of them all: policy rules ask this for every object of a stack.
  const namespaces = stack.resource?.kubernetes_namespace_v1 ?? {};
  return Object.hasOwn(namespaces, match[1]) ? namespaceName(namespaces[match[1]]) : undefined;
}

/** Objects of a type in a namespace. */
export function objectsIn(stack: TerraformJson, type: string, namespace: string): [string, Block][] {
  return blocksOf(stack, [type]).filter(([, block]) => namespaceOf(stack, block) === namespace);
}

/** The containers of a Deployment's pod template. */
export function containers(deployment: Block): Block[] {
  return (get(deployment, 'spec', 'template', 'spec', 'container') as Block[] | undefined) ?? [];
}

/**
 * The containers of a Deployment's or a CronJob's pod template (a CronJob nests it in its job template), init
 * containers included: every image the workload pulls.
 */
export function workloadContainers(workload: Block): Block[] {
  const pod = (get(workload, 'spec', 'template', 'spec') ??
    get(workload, 'spec', 'job_template', 'spec', 'template', 'spec')) as Block | undefined;
  return [
    ...((pod?.init_container as Block[] | undefined) ?? []),
    ...((pod?.container as Block[] | undefined) ?? []),
  ];
}

/** The pod spec of a Deployment's template. */
export function podSpec(deployment: Block): Block {
  return (get(deployment, 'spec', 'template', 'spec') as Block | undefined) ?? {};
}

/** The connection pooler's Deployment (PgBouncer), as opposed to single-replica helpers (exporters, the Redis cache). */
export function isPooler(deployment: Block): boolean {
  const labels = get(deployment, 'metadata', 'labels') as Record<string, string> | undefined;
  return labels?.['app.kubernetes.io/component'] === 'connection-pooler';
}
