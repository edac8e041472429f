/**
 * The restricted Pod Security Standard written out in full, for the platform's workloads in `shared`: the
 * kubernetes provider defaults allow_privilege_escalation to true as soon as a security_context block exists, so
 * every field is spelled. (The PgBouncer chart writes the same fields inline; new charts use these.)
 */
import type { DeploymentV1SpecTemplateSpecContainer } from '@cdktf/provider-kubernetes/lib/deployment-v1';

/** Pod-level: non-root UID/GID (also owning mounted volumes), RuntimeDefault seccomp. */
export function restrictedPodSecurityContext(uid: number) {
  return {
    runAsNonRoot: true,
    runAsUser: String(uid),
    runAsGroup: String(uid),
    fsGroup: String(uid),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container-level: no escalation, no privileges, read-only root, every capability dropped. */
export function restrictedContainerSecurityContext(uid: number) {
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

/** Readiness and liveness by TCP connect on a named container port. */
export function tcpProbes(
  port: string,
): Pick<DeploymentV1SpecTemplateSpecContainer, 'readinessProbe' | 'livenessProbe'> {
  return {
    readinessProbe: { tcpSocket: [{ port }], initialDelaySeconds: 2, periodSeconds: 10 },
    livenessProbe: { tcpSocket: [{ port }], initialDelaySeconds: 15, periodSeconds: 20, failureThreshold: 3 },
  };
}
