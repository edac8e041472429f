/** Readiness and liveness of a server container by TCP connect on its named port. */
import type { DeploymentV1SpecTemplateSpecContainer } from '@cdktf/provider-kubernetes/lib/deployment-v1';

export function tcpProbes(
  port: string,
  initialDelaySeconds: { readonly readiness: number; readonly liveness: number },
): Pick<DeploymentV1SpecTemplateSpecContainer, 'readinessProbe' | 'livenessProbe'> {
  return {
    readinessProbe: {
      tcpSocket: [{ port }],
      initialDelaySeconds: initialDelaySeconds.readiness,
      periodSeconds: 10,
    },
    livenessProbe: {
      tcpSocket: [{ port }],
      initialDelaySeconds: initialDelaySeconds.liveness,
      periodSeconds: 20,
      failureThreshold: 3,
    },
  };
}
