/**
 * The restricted Pod Security Standard for the platform's pods in `shared` (PgBouncer and its exporter sidecar,
 * the Postgres exporter, Redis, the media copy job), every field written out: the kubernetes provider defaults
 * allow_privilege_escalation to true as soon as a security_context block exists.
 */
import type {
  DeploymentV1SpecTemplateSpecContainerSecurityContext,
  DeploymentV1SpecTemplateSpecSecurityContext,
} from '@cdktf/provider-kubernetes/lib/deployment-v1';

/** Pod-level: non-root UID/GID (also owning mounted volumes), RuntimeDefault seccomp. */
export function restrictedPod(uid: number): DeploymentV1SpecTemplateSpecSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: String(uid),
    runAsGroup: String(uid),
    fsGroup: String(uid),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container-level: no escalation, no privileges, read-only root, every capability dropped. */
export function restrictedContainer(uid: number): DeploymentV1SpecTemplateSpecContainerSecurityContext {
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: String(uid),
    runAsGroup: String(uid),
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** `repository:tag[@digest]`, and the pull policy that goes with it: a tag is re-checked on every start. */
export function pinnedImage(image: {
  readonly repository: string;
  readonly tag: string;
  readonly digest?: string;
}) {
  return {
    image: `${image.repository}:${image.tag}${image.digest ? `@${image.digest}` : ''}`,
    imagePullPolicy: image.digest ? 'IfNotPresent' : 'Always',
  };
}
