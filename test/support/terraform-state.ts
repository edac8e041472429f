/**
 * A minimal Terraform state document (format 4) holding the given resources, for offline plans that start from
 * something "deployed" without refreshing it.
 */
export function terraformState(resources: readonly object[]): object {
  return {
    version: 4,
    terraform_version: '1.11.0',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources,
  };
}
