/**
 * A Cloudflare account token that reaches one R2 bucket only, and the S3 credentials R2 derives from it (access key
 * id = token id, secret = SHA-256 of the token value, computed by Terraform at apply time).
 */
import { AccountToken } from '@cdktf/provider-cloudflare/lib/account-token';
import { DataCloudflareAccountApiTokenPermissionGroupsList } from '@cdktf/provider-cloudflare/lib/data-cloudflare-account-api-token-permission-groups-list';
import { Fn } from 'cdktf';
import type { Construct } from 'constructs';

/** R2 object permission groups by key, as the Cloudflare dashboard names them. */
export const R2_OBJECT_PERMISSIONS = {
  object_read: 'Workers R2 Storage Bucket Item Read',
  object_write: 'Workers R2 Storage Bucket Item Write',
} as const;

export interface R2BucketTokenProps {
  readonly accountId: string;
  readonly bucketName: string;
  readonly tokenName: string;
  readonly permissions: readonly (keyof typeof R2_OBJECT_PERMISSIONS)[];
}

export interface R2Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * Defines the permission-group lookups (`permission_<key>`) and the token (`id`) in `scope`, so their addresses are
 * the scope's own. Permission groups are looked up by name (the deploy token needs "Account API Tokens Read").
 */
export function r2BucketToken(scope: Construct, id: string, props: R2BucketTokenProps): R2Credentials {
  const { accountId, bucketName } = props;
  const permissionGroups = props.permissions.map((key) => {
    const group = new DataCloudflareAccountApiTokenPermissionGroupsList(scope, `permission_${key}`, {
      accountId,
      name: encodeURIComponent(R2_OBJECT_PERMISSIONS[key]),
      scope: encodeURIComponent('com.cloudflare.edge.r2.bucket'),
    });
    return { id: group.result.get(0).id };
  });
  const token = new AccountToken(scope, id, {
    accountId,
    name: props.tokenName,
    policies: [
      {
        effect: 'allow',
        permissionGroups,
        // Only this bucket: R2's resource key is <account>_<jurisdiction>_<bucket>.
        resources: JSON.stringify({
          [`com.cloudflare.edge.r2.bucket.${accountId}_default_${bucketName}`]: '*',
        }),
      },
    ],
  });
  return { accessKeyId: token.id, secretAccessKey: Fn.sha256(token.value) };
}
