/**
 * The media copy job as a typed bundle of Kubernetes objects: ServiceAccount, Secret (rclone.conf), CronJob and the
 * NetworkPolicy letting it reach R2 and S3 on 443 (DNS comes from the namespace's allow-dns policy).
 *
 * The pod meets the restricted Pod Security Standard (charts/security-context.ts, shared with the other platform pods);
 * as a run-to-completion job it has no probes. It mounts no Kubernetes API token
 * (it never calls the API): its only token is a projected one with the STS audience, which the API server refuses
 * and STS exchanges for the IAM role's credentials (IRSA), declared here rather than injected by the EKS webhook.
 */
import {
  CronJobV1,
  type CronJobV1SpecJobTemplateSpecTemplateSpec,
} from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { SecretV1 } from '@cdktf/provider-kubernetes/lib/secret-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { ComputeQuantities } from '../../environments/parts/cluster';
import { cidrPeers, networkPolicy } from '../../constructs/network-policy';
import { STS_AUDIENCE } from '../../constructs/service-account-role';
import { pinnedImage, restrictedContainer, restrictedPod } from '../security-context';
import { JOB_NAME_VARIABLE, rcloneConfig, rcloneCopyArgs } from './rclone-args';

export interface MediaCopyChartProps {
  readonly namespace: string;
  /** Name of every object. @default 'media-copy' */
  readonly name?: string;
  /** Labels added to every object. @default - none */
  readonly labels?: Readonly<Record<string, string>>;
  /** Five-field cron expression, UTC. */
  readonly schedule: string;
  readonly image: { readonly repository: string; readonly tag: string; readonly digest?: string };
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  readonly runAsUser: number;
  /** The R2 bucket and a read-only token on it. */
  readonly source: {
    readonly endpoint: string;
    readonly bucket: string;
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
  };
  /** The S3 bucket and the IAM role the pod's service account assumes. */
  readonly destination: { readonly region: string; readonly bucket: string; readonly roleArn: string };
  /** CIDRs reachable on 443: Cloudflare's (R2) and where S3 and STS answer. */
  readonly httpsEgressCidrs: readonly string[];
}

const CONFIG_DIR = '/etc/rclone';
/**
 * Where the projected STS token is mounted; AWS_WEB_IDENTITY_TOKEN_FILE points the SDK (and rclone) at it, so any
 * directory works. Not the EKS webhook's /var/run/secrets/eks.amazonaws.com/serviceaccount: were the webhook ever to
 * mutate this pod too, two volumes on one mount path would make the pod invalid.
 */
const TOKEN_DIR = '/etc/aws-web-identity';
const TMP = '/tmp';
/** Shortest lifetime the kubelet accepts for a projected token; it refreshes it at 80 %. */
const TOKEN_SECONDS = 3600;
/** A run that has not finished in six hours is stopped (and retried by the next schedule). */
const ACTIVE_DEADLINE_SECONDS = 6 * 3600;

export class MediaCopyChart extends Construct {
  readonly serviceAccountName: string;
  readonly selectorLabels: Readonly<Record<string, string>>;
  readonly cronJob: CronJobV1;

  constructor(scope: Construct, id: string, props: MediaCopyChartProps) {
    super(scope, id);
    const name = props.name ?? 'media-copy';
    this.serviceAccountName = name;
    this.selectorLabels = { 'app.kubernetes.io/name': 'media-copy', 'app.kubernetes.io/instance': name };
    const labels = {
      ...props.labels,
      ...this.selectorLabels,
      'app.kubernetes.io/version': props.image.tag,
      'app.kubernetes.io/component': 'backup',
    };
    const metadata = { name, namespace: props.namespace, labels };

    const serviceAccount = new ServiceAccountV1(this, 'service_account', {
      metadata,
      automountServiceAccountToken: false,
    });
    const config = new SecretV1(this, 'config', {
      metadata: { ...metadata, name: `${name}-rclone` },
      type: 'Opaque',
      data: {
        'rclone.conf': rcloneConfig({
          r2Endpoint: props.source.endpoint,
          r2AccessKeyId: props.source.accessKeyId,
          r2SecretAccessKey: props.source.secretAccessKey,
          awsRegion: props.destination.region,
        }),
      },
    });

    this.cronJob = new CronJobV1(this, 'cron_job', {
      metadata,
      spec: {
        schedule: props.schedule,
        timezone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 3600,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels },
          spec: {
            backoffLimit: 2,
            activeDeadlineSeconds: ACTIVE_DEADLINE_SECONDS,
            ttlSecondsAfterFinished: String(7 * 86400),
            template: {
              metadata: {
                labels,
                // A changed rclone.conf shows in the pod template, so the next run is seen to use it.
                annotations: { 'checksum/config': Fn.sha256(Fn.jsonencode(config.data)) },
              },
              spec: this.podSpec(props, serviceAccount.metadata.name, config.metadata.name),
            },
          },
        },
      },
    });

    networkPolicy(this, 'egress', {
      namespace: props.namespace,
      name: `${name}-egress`,
      labels: { ...props.labels },
      podLabels: this.selectorLabels,
      egress: [{ peers: cidrPeers(props.httpsEgressCidrs), ports: [{ port: 443 }] }],
    });
  }

  private podSpec(
    props: MediaCopyChartProps,
    serviceAccount: string,
    configSecret: string,
  ): CronJobV1SpecJobTemplateSpecTemplateSpec {
    return {
      serviceAccountName: serviceAccount,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      restartPolicy: 'Never',
      securityContext: restrictedPod(props.runAsUser),
      container: [
        {
          name: 'rclone',
          ...pinnedImage(props.image),
          args: rcloneCopyArgs({
            sourceBucket: props.source.bucket,
            destinationBucket: props.destination.bucket,
            configFile: `${CONFIG_DIR}/rclone.conf`,
            cacheDir: `${TMP}/rclone`,
          }),
          env: [
            { name: 'HOME', value: TMP },
            {
              name: JOB_NAME_VARIABLE,
              valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-name']" } },
            },
            { name: 'AWS_ROLE_ARN', value: props.destination.roleArn },
            { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: `${TOKEN_DIR}/token` },
            { name: 'AWS_REGION', value: props.destination.region },
            { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' },
          ],
          securityContext: restrictedContainer(props.runAsUser),
          resources: { requests: { ...props.resources.requests }, limits: { ...props.resources.limits } },
          volumeMount: [
            { name: 'config', mountPath: CONFIG_DIR, readOnly: true },
            { name: 'aws-token', mountPath: TOKEN_DIR, readOnly: true },
            { name: 'tmp', mountPath: TMP },
          ],
        },
      ],
      volume: [
        { name: 'config', secret: { secretName: configSecret, defaultMode: '0440' } },
        {
          name: 'aws-token',
          projected: [
            {
              defaultMode: '0440',
              sources: [
                {
                  serviceAccountToken: {
                    audience: STS_AUDIENCE,
                    expirationSeconds: TOKEN_SECONDS,
                    path: 'token',
                  },
                },
              ],
            },
          ],
        },
        { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      ],
    };
  }
}
